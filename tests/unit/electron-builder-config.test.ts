import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
// The matcher electron-builder itself uses, so the file rules are checked with its semantics.
const { minimatch } = createRequire(require.resolve('app-builder-lib/package.json'))('minimatch') as typeof import('minimatch');
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Record<string, any>;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = require('app-builder-lib/scheme.json') as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // And the check has teeth: a misspelt fuse fails it.
    expect(validate({ ...config, electronFuses: { runAsNod: false } })).toBe(false);
  });

  it('names the app', () => {
    expect(config.appId).toBe('org.intertitle.app');
    expect(config.productName).toBe('Intertitle');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
  });

  it('flips the fuses that close run-as-node, inspectors and file:// privileges', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('builds AppImage and deb, a hardened dmg and an NSIS installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Office');
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('packs into an asar, with sharp unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['node_modules/sharp/**', 'node_modules/@img/**']);
  });

  // electron-builder filters each file with its patterns in order, the last match winning
  // (app-builder-lib/out/util/filter.js); for node_modules it keeps only the exclusions.
  const included = (file: string, patterns: string[]): boolean => {
    let match = false;
    for (const raw of patterns) {
      const negate = raw.startsWith('!');
      if (match !== negate) continue;
      match = minimatch(file, negate ? raw.slice(1) : raw, { dot: true }) ? !negate : match;
    }
    return match;
  };
  const files = () => config.files as string[];

  it.each([
    'dist/electron/main.cjs',
    'dist/electron/preload.cjs',
    'dist/renderer/index.html',
    'dist/renderer/assets/index-abc.js',
    'package.json',
  ])('ships %s', (file) => {
    expect(included(file, files())).toBe(true);
  });

  it.each(['dist/cli/intertitle.mjs', 'src/node/host.ts', 'tests/e2e/app.spec.ts', 'dist/electron/main.cjs.map', 'electron/main.ts'])(
    'leaves out %s',
    (file) => {
      expect(included(file, files())).toBe(false);
    },
  );

  it('ships exactly what the bundles leave out: the production dependencies', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const build = readFileSync('scripts/build.mjs', 'utf8');
    const external = /const runtimePackages = \[([^\]]*)\]/.exec(build)?.[1]?.match(/'([^']+)'/g)?.map((q) => q.slice(1, -1));
    expect(Object.keys(pkg.dependencies).sort()).toEqual([...(external ?? [])].sort());
    expect(files().some((p) => p.includes('node_modules'))).toBe(false);
  });

  it('points at resources that exist', () => {
    expect(readFileSync(config.icon as string).subarray(1, 4).toString()).toBe('PNG');
    expect(readFileSync(config.mac.entitlements as string, 'utf8')).toContain('com.apple.security.cs.allow-jit');
  });
});
