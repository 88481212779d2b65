/**
 * Build: precompiled validators, then the command and the library.
 * - `dist/netpol-guard.js`: the command, a small launcher (src/launcher.ts) that runs
 *   `dist/netpol-guard.bundle.js` (src/cli.ts and everything it uses, one esbuild bundle,
 *   itself a complete command). Three parts are scripts of their own that the bundle
 *   loads through the launcher on first use: the `yaml` library
 *   (`dist/netpol-guard.yaml.js`), js-yaml's parser and dumper
 *   (`dist/netpol-guard.js-yaml.js`) and the functionConfig's validator
 *   (`dist/netpol-guard.config.js`). Beside each script, `.cache`: V8's code cache for it
 *   after a warm-up run, which only makes it start faster.
 * - `dist/index.js`: the library API of src/index.ts, one bundle.
 * NETPOL_GUARD_DEBUG_BUILD=1 leaves them unminified, for profiling.
 */
import { build, type BuildOptions, type Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
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
const dist = join(root, 'dist');
const launcher = join(dist, 'netpol-guard.js');

/**
 * Parts the bundle loads through the launcher on first use, each a script with its own
 * code cache (V8 reads a whole cache at start), by what the bundle imports: `yaml` and
 * js-yaml, which a list the line reader reads whole never needs (it resolves plain
 * scalars with js-yaml's core types, which stay in the bundle), and the functionConfig's
 * validator, 70 KB that a list without a functionConfig never runs.
 */
const PARTS: readonly { readonly imported: RegExp; readonly entry: string; readonly file: string }[] = [
  { imported: /^yaml$/, entry: 'yaml', file: 'netpol-guard.yaml.js' },
  { imported: /\/generated\/netpol-guard-config$/, entry: './src/generated/netpol-guard-config.js', file: 'netpol-guard.config.js' },
  { imported: /^js-yaml$/, entry: 'js-yaml', file: 'netpol-guard.js-yaml.js' },
];

/** In the bundle, a part's module is the launcher loading the part. */
const partsPlugin: Plugin = {
  name: 'parts',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\/netpol-guard\.js$/ }, (args) => ({ path: args.path, external: true }));
    for (const part of PARTS) plugin.onResolve({ filter: part.imported }, () => ({ path: part.file, namespace: 'part' }));
    plugin.onLoad({ filter: /.*/, namespace: 'part' }, (args) => ({
      contents: `module.exports = require('./netpol-guard.js').loadPart(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

/** Bundles an entry into one script of plain ASCII: the launcher reads scripts as latin1. */
async function bundleScript(options: BuildOptions, file: string): Promise<void> {
  const bundle = await build({ ...common, ...options, write: false, outfile: 'bundle.js' });
  let code = bundle.outputFiles[0]!.text;
  // charset ascii escaped every string, regex and name; only comments can still hold other
  // characters. A debug build keeps comments, and they may lose them; a release has none.
  if (common.minify) {
    if (/[^\x00-\x7f]/u.test(code)) throw new Error(`${file} is not plain ASCII`);
  } else code = code.replace(/[^\x00-\x7f]/gu, '?');
  writeFileSync(join(dist, file), code);
}

async function buildCommand(): Promise<void> {
  mkdirSync(dist, { recursive: true });
  await Promise.all([
    bundleScript({ entryPoints: [join(root, 'src/cli.ts')], plugins: [partsPlugin] }, 'netpol-guard.bundle.js'),
    ...PARTS.map((part) => bundleScript({ stdin: { contents: `module.exports = require(${JSON.stringify(part.entry)});`, resolveDir: root } }, part.file)),
    build({ ...common, entryPoints: [join(root, 'src/launcher.ts')], outfile: launcher, banner: { js: '#!/usr/bin/env node' } }),
  ]);
  chmodSync(launcher, 0o755);
  for (const file of readdirSync(dist)) if (file.endsWith('.cache')) rmSync(join(dist, file));
  execFileSync(process.execPath, [join(__dirname, 'code-cache-writer.cjs'), launcher, join(root, 'examples/004-zero-trust/input.yaml')], { stdio: 'inherit' });
}

void Promise.all([buildCommand(), build({ ...common, entryPoints: [join(root, 'src/index.ts')], outfile: join(root, 'dist/index.js') })]);
