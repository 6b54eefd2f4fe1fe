#!/usr/bin/env node
// Thin launcher: the CLI is TypeScript compiled to dist/ by `npm run build` (run by `prepare`).
import module from 'node:module';

// V8's code cache on disk (as `tsc` does): loading TypeScript and the rules costs ~1 s of
// start-up per run without it. `NODE_DISABLE_COMPILE_CACHE=1` turns it off.
module.enableCompileCache?.();
let cli;
try {
  cli = await import('../dist/src/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/dist[\\/]src[\\/]cli[\\/]main\.js'/.test(String(error.message))) throw error;
  process.stderr.write('fleet: the CLI is not built (dist/ is missing); run `npm run build` in the eslint-plugin-fleet package.\n');
  process.exit(2);
}
process.exitCode = await cli.main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() });
