import { runCli } from './cli';

// The `intertitle` executable: bundled by scripts/build.mjs to dist/cli/intertitle.mjs.
const code = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exitCode = code;
