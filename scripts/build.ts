/**
 * Build: precompiled validators, then the command and the library.
 * - `dist/netpol-guard.js`: the command, a small launcher (src/launcher.ts) that runs
 *   `dist/netpol-guard.bundle.js` (src/cli.ts and everything it uses, one esbuild bundle,
 *   itself a complete command) from `dist/netpol-guard.js.cache`: V8's code cache for the
 *   bundle after a warm-up run. The cache only makes it start faster.
 * - `dist/index.js`: the library API of src/index.ts, one bundle.
 * NETPOL_GUARD_DEBUG_BUILD=1 leaves them unminified, for profiling.
 */
import { build, type BuildOptions } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(__dirname, 'gen-validators.ts')], { stdio: 'inherit' });

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: process.env.NETPOL_GUARD_DEBUG_BUILD === undefined,
  legalComments: 'none',
  // plain ASCII, which the launcher reads as latin1 (no decoding pass)
  charset: 'ascii',
  logLevel: 'warning',
};
const launcher = join(root, 'dist/netpol-guard.js');

async function buildCommand(): Promise<void> {
  const bundle = await build({ ...common, entryPoints: [join(root, 'src/cli.ts')], write: false, outfile: 'bundle.js' });
  let code = bundle.outputFiles[0]!.text;
  // charset ascii escaped every string, regex and name; only comments can still hold other
  // characters. A debug build keeps comments, and they may lose them; a release has none.
  if (common.minify) {
    if (/[^\x00-\x7f]/u.test(code)) throw new Error('the bundle is not plain ASCII');
  } else code = code.replace(/[^\x00-\x7f]/gu, '?');
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist/netpol-guard.bundle.js'), code);
  await build({ ...common, entryPoints: [join(root, 'src/launcher.ts')], outfile: launcher, banner: { js: '#!/usr/bin/env node' } });
  chmodSync(launcher, 0o755);
  rmSync(`${launcher}.cache`, { force: true });
  execFileSync(process.execPath, [join(__dirname, 'code-cache-writer.cjs'), launcher, join(root, 'examples/004-zero-trust/input.yaml')], { stdio: 'inherit' });
}

void Promise.all([buildCommand(), build({ ...common, entryPoints: [join(root, 'src/index.ts')], outfile: join(root, 'dist/index.js') })]);
