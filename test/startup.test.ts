/**
 * What a start costs is kept small by structure, not by timing (timings belong to
 * `npm run bench`): libraries most runs never need are loaded on first use, and a render
 * loads no Node module it does not use.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as decodingSchemaModule from '../src/validate/schema/network-policy-v1';
import { ROOT } from './helpers';

/** Modules the command's bundle may only `require` inside a function (set up on first use). */
const LOADED_ON_FIRST_USE = ['yaml', 'js-yaml', 'ipaddr.js', '../generated/netpol-guard-config'];

test('yaml, js-yaml, ipaddr.js and the config validator are only required on first use, never imported for values', async () => {
  const result = await build({ entryPoints: [join(ROOT, 'src/cli.ts')], bundle: true, platform: 'node', format: 'cjs', write: false, metafile: true, logLevel: 'silent', outfile: 'bundle.js' });
  const eager: string[] = [];
  const lazy: string[] = [];
  for (const [file, input] of Object.entries(result.metafile.inputs)) {
    for (const imported of input.imports) {
      if (!LOADED_ON_FIRST_USE.some((name) => imported.original === name)) continue;
      (imported.kind === 'require-call' ? lazy : eager).push(`${file} → ${imported.original}`);
    }
  }
  assert.equal(eager, [], 'value imports set these up at every start: use krm/yaml-lib, krm/js-yaml-lib, netpol/ipaddr-lib, configValidator()');
  assert.ok(lazy.length === LOADED_ON_FIRST_USE.length, `one loader each: ${lazy.join(', ')}`);
});

test('the decoding schema is built only to explain a decoding error, never at start', () => {
  // a constant would be set up at every start (hundreds of objects); a builder only when called
  const exported = Object.entries(decodingSchemaModule);
  assert.ok(exported.length > 0);
  for (const [name, value] of exported) assert.type(value, 'function', `${name} is built on demand`);
});

test('a render on a pipe loads neither tty nor net (nor the stdin stream)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-guard-startup-'));
  const probe = join(dir, 'probe.cjs');
  const record = join(dir, 'modules');
  writeFileSync(probe, `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(record)}, process.moduleLoadList.join('\\n')));\n`);
  const input = readFileSync(join(ROOT, 'examples', '004-zero-trust', 'input.yaml'));
  const run = spawnSync(process.execPath, ['--require', probe, join(ROOT, 'dist', 'netpol-guard.js'), '--format', 'none'], { input });
  assert.ok(run.status === 0 || run.status === 1, run.stderr.toString());
  const loaded = readFileSync(record, 'utf8').split('\n');
  assert.ok(loaded.includes('NativeModule vm'), 'the record is real: the launcher uses vm');
  for (const module of ['NativeModule tty', 'NativeModule net', 'NativeModule internal/fs/streams']) assert.not.ok(loaded.includes(module), `${module} is loaded`);
});

test.run();
