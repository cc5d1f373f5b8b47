// The one-way rule of DESIGN §2, checked in `npm test` (npm run lint:imports).
/** @type {import('dependency-cruiser').IConfiguration} */
const uiLibraries = '^node_modules/(react|react-dom|scheduler|@codemirror|codemirror|@lezer|@replit|style-mod|w3c-keyname|crelt)/';

module.exports = {
  forbidden: [
    {
      name: 'core-knows-no-host',
      comment: 'src/ (outside src/node) is host-agnostic: no Electron, React, CodeMirror or Node built-ins.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/node/' },
      to: { path: ['^electron/', '^renderer/', '^src/node/', '^node_modules/electron/', uiLibraries] },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/node/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'node-adapter-no-ui',
      comment: 'src/node/ may use Node, never Electron, the DOM layer or the UI.',
      severity: 'error',
      from: { path: '^src/node/' },
      to: { path: ['^electron/', '^renderer/', '^node_modules/electron/', uiLibraries] },
    },
    {
      name: 'electron-no-renderer',
      severity: 'error',
      from: { path: '^electron/' },
      to: { path: ['^renderer/', uiLibraries] },
    },
    {
      name: 'renderer-no-host-code',
      comment: 'The renderer reaches its host only through the contract client.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: ['^electron/', '^src/node/', '^node_modules/electron/'] },
    },
    {
      name: 'renderer-no-node-builtins',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: require('node:path').join(__dirname, 'tsconfig.json') },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
  },
};
