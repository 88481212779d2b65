/**
 * Build: precompiled validators, then two single-file bundles: `dist/netpol-guard.js`
 * (the function and command line) and `dist/index.js` (the library API of src/index.ts).
 * NETPOL_GUARD_DEBUG_BUILD=1 leaves them unminified, for profiling.
 */
import { build, type BuildOptions } from 'esbuild';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = join(__dirname, '..');
execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(__dirname, 'gen-validators.ts')], { stdio: 'inherit' });

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: process.env.NETPOL_GUARD_DEBUG_BUILD === undefined,
  legalComments: 'none',
  logLevel: 'warning',
};
const cli = join(root, 'dist/netpol-guard.js');

void Promise.all([
  build({ ...common, entryPoints: [join(root, 'src/cli.ts')], outfile: cli, banner: { js: '#!/usr/bin/env node' } }).then(() => chmodSync(cli, 0o755)),
  build({ ...common, entryPoints: [join(root, 'src/index.ts')], outfile: join(root, 'dist/index.js') }),
]);
