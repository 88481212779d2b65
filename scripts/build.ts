/** Build: precompiled validators, then the single-file bundle `dist/netpol-guard.js`. */
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

const root = join(__dirname, '..');
execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(__dirname, 'gen-validators.ts')], { stdio: 'inherit' });
const outfile = join(root, 'dist/netpol-guard.js');

void build({
  entryPoints: [join(root, 'src/cli.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile,
  minify: process.env.NETPOL_GUARD_DEBUG_BUILD === undefined,
  keepNames: false,
  legalComments: 'none',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
}).then(() => chmodSync(outfile, 0o755));
