import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseAllDocuments } from 'yaml';
import { catalogText } from '../scripts/catalog';
import { PUBLISHED } from '../scripts/schemas';
import { NETPOL_GUARD_SCHEMA } from '../src/config/schema';
import { COMMAND_SCRIPTS } from './hardening/process';
import { ROOT } from './helpers';

const BUNDLE = join(ROOT, 'dist', 'netpol-guard.js');
/** The scripts of the command, each with its code cache beside it: the bundle, then its parts. */
const SCRIPTS = COMMAND_SCRIPTS.map((script) => join(ROOT, 'dist', script));
const BUNDLE_CODE = join(ROOT, 'dist', 'netpol-guard.bundle.js');
const JS_YAML_PART = join(ROOT, 'dist', 'netpol-guard.js-yaml.js');

test('functions.yaml is the generated catalog entry, with the shipped config schema', () => {
  const text = readFileSync(join(ROOT, 'functions.yaml'), 'utf8');
  assert.is(text, catalogText(), 'run npm run gen to regenerate functions.yaml');
  const [definition] = parseAllDocuments(text).map((d) => d.toJS() as { kind: string; spec: { versions: { schema: { openAPIV3Schema: unknown } }[]; tags: string[] } });
  assert.is(definition!.kind, 'KRMFunctionDefinition');
  assert.equal(definition!.spec.versions[0]!.schema.openAPIV3Schema, JSON.parse(JSON.stringify(NETPOL_GUARD_SCHEMA)));
  assert.ok(definition!.spec.tags.includes('mutator') && definition!.spec.tags.includes('validator'));
});

test('published schema files are up to date', () => {
  for (const [file, schema] of Object.entries(PUBLISHED)) {
    assert.equal(JSON.parse(readFileSync(join(ROOT, file), 'utf8')), JSON.parse(JSON.stringify(schema)), `${file}: run npm run gen`);
  }
});

test('Dockerfile: multi-stage, small non-root runtime that only runs the bundle', () => {
  const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
  const stages = dockerfile.split(/^FROM /m).slice(1);
  assert.ok(stages.length >= 2, 'multi-stage');
  const runtime = stages[stages.length - 1]!;
  assert.match(runtime, /distroless\/nodejs/);
  assert.not.match(runtime, /^RUN /m, 'nothing runs (or downloads) in the runtime stage');
  for (const file of SCRIPTS.flatMap((script) => [basename(script), `${basename(script)}.cache`])) {
    assert.ok(runtime.includes(`/netpol-guard/${file} `), `${file} ships beside the command`);
  }
  const user = /^USER (\S+)/m.exec(runtime)?.[1];
  assert.ok(user !== undefined && !/^(root|0)(:|$)/.test(user), 'runs as a non-root user');
  assert.match(runtime, /^ENTRYPOINT \[.*netpol-guard\.js"\]/m);
});

test('the bundle is executable and answers --version and --help', () => {
  assert.ok(existsSync(BUNDLE), 'npm run build first');
  assert.ok((statSync(BUNDLE).mode & 0o111) !== 0);
  assert.ok(readFileSync(BUNDLE, 'utf8').startsWith('#!/usr/bin/env node'));
  const { version, bin } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string> };
  assert.is(bin['netpol-guard'], 'dist/netpol-guard.js');
  const versionRun = spawnSync(process.execPath, [BUNDLE, '--version'], { encoding: 'utf8' });
  assert.is(versionRun.stdout.trim(), version);
  const help = spawnSync(process.execPath, [BUNDLE, '--help'], { encoding: 'utf8' });
  assert.is(help.status, 0);
  assert.match(help.stdout, /--config FILE/);
  const bad = spawnSync(process.execPath, [BUNDLE, '--format', 'xml'], { encoding: 'utf8', input: '' });
  assert.is(bad.status, 2);
  assert.match(bad.stderr, /unknown format/);
});

test('the command starts from the code caches the build wrote, and runs the same without them or with damaged ones', () => {
  for (const file of SCRIPTS) assert.ok(existsSync(`${file}.cache`), `npm run build writes ${file}.cache`);
  // a plain node, as the command runs: V8 takes a cache only under the flags it was made with
  const probe = `const l = require(${JSON.stringify(BUNDLE)}); process.stdout.write(${JSON.stringify(SCRIPTS)}.map((f) => l.compileScript(f).cachedDataRejected).join())`;
  assert.is(spawnSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).stdout, SCRIPTS.map(() => 'false').join(), 'V8 accepts every cache');
  // the zero-trust example needs every part: comments (js-yaml, yaml) and a functionConfig
  const input = readFileSync(join(ROOT, 'examples', '004-zero-trust', 'input.yaml'));
  const expected = spawnSync(process.execPath, [BUNDLE, '--format', 'none'], { input });
  const dir = mkdtempSync(join(tmpdir(), 'netpol-guard-cache-'));
  const alone = join(dir, 'netpol-guard.js');
  for (const file of [BUNDLE, ...SCRIPTS]) copyFileSync(file, join(dir, basename(file)));
  const without = spawnSync(process.execPath, [alone, '--format', 'none'], { input });
  for (const file of SCRIPTS) writeFileSync(join(dir, `${basename(file)}.cache`), Buffer.from('not a code cache'));
  const damaged = spawnSync(process.execPath, [alone, '--format', 'none'], { input });
  // the bundle is a complete command on its own too
  const bundleAlone = spawnSync(process.execPath, [BUNDLE_CODE, '--format', 'none'], { input });
  for (const run of [without, damaged, bundleAlone]) {
    assert.is(run.status, expected.status);
    assert.is(run.stdout.toString(), expected.stdout.toString());
    assert.is(run.stderr.toString(), '');
  }
});

test('a plain list loads no part; a list that needs a missing part names it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-guard-part-'));
  for (const file of [BUNDLE, BUNDLE_CODE, `${BUNDLE_CODE}.cache`]) copyFileSync(file, join(dir, basename(file)));
  // kustomize's output with no functionConfig: canonical block YAML, every edit a text patch
  const plain = readFileSync(join(ROOT, 'examples', '001-three-tier', 'expected', 'kustomize.yaml'));
  const withParts = spawnSync(process.execPath, [BUNDLE], { input: plain, encoding: 'utf8' });
  const withoutParts = spawnSync(process.execPath, [join(dir, 'netpol-guard.js')], { input: plain, encoding: 'utf8' });
  assert.is(withoutParts.status, withParts.status, withoutParts.stderr);
  assert.is(withoutParts.stdout, withParts.stdout);
  // the zero-trust items (no functionConfig) need js-yaml and yaml: their selectors carry comments
  const commented = readFileSync(join(ROOT, 'examples', '004-zero-trust', 'input.yaml'), 'utf8').split(/^functionConfig:/m)[0]!;
  const configured = 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: a\nfunctionConfig:\n  apiVersion: netpol-guard.dev/v1alpha1\n  kind: NetpolGuard\n  metadata:\n    name: x\n';
  // each part in turn is the one missing: js-yaml reads the commented lines, yaml edits them
  for (const [input, part, present] of [[commented, 'js-yaml', []], [commented, 'yaml', [JS_YAML_PART]], [configured, 'config', []]] as const) {
    for (const file of present) copyFileSync(file, join(dir, basename(file)));
    const broken = spawnSync(process.execPath, [join(dir, 'netpol-guard.js')], { input, encoding: 'utf8' });
    assert.is(broken.status, 1, part);
    assert.match(broken.stderr, new RegExp(`input/internal-error: internal error: cannot load .*netpol-guard\\.${part}\\.js: ENOENT`), part);
  }
});

test('a launcher without its bundle says so in one line and exits 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-guard-broken-'));
  copyFileSync(BUNDLE, join(dir, 'netpol-guard.js'));
  const run = spawnSync(process.execPath, [join(dir, 'netpol-guard.js')], { input: 'kind: ResourceList\nitems: []\n', encoding: 'utf8' });
  assert.is(run.status, 1);
  assert.is(run.stdout, '');
  assert.match(run.stderr, /^netpol-guard: cannot load .*netpol-guard\.bundle\.js: ENOENT/);
  assert.is(run.stderr.trim().split('\n').length, 1, 'no stack trace');
});

test.run();
