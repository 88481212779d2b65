import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DEFAULT_MAX_INPUT_BYTES } from '../../src/krm/source';
import { scanLayout } from '../../src/krm/scan';
import { runFiles } from '../../src/run';
import { checkedRun } from './check';

const header = 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n';
const configMap = '- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: keep\n  data:\n    a: "1"\n';
const policy = (name: string, specLines: string) => `- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata:\n    name: ${name}\n    namespace: a\n  spec:\n${specLines}`;

/** The error results of a run, as rule ids with the item name they are about. */
function errors(result: ReturnType<typeof checkedRun>): string[] {
  return result.results.filter((r) => r.severity === 'error').map((r) => `${r.tags.rule} ${r.resourceRef?.name ?? '<input>'}`);
}

/** A nested item error: exit 1, the rule names the item, every item still there with the broken one as it was. */
function assertItemRefused(input: string, name: string): void {
  const started = Date.now();
  const result = checkedRun(input);
  assert.ok(Date.now() - started < 2000, 'refused quickly');
  assert.is(result.exitCode, 1);
  assert.ok(errors(result).includes(`krm/yaml-syntax ${name}`), errors(result).join('\n'));
  assert.ok(result.stdout.startsWith(input), 'items written back unchanged');
  assert.is(scanLayout(result.stdout)?.slots.length, scanLayout(input)?.slots.length);
}

test('input size: one byte over the option is refused with the input echoed, the limit itself passes', () => {
  const input = `${header}${configMap}`;
  const size = Buffer.byteLength(input);
  assert.is(checkedRun(input, { maxInputBytes: size }).exitCode, 0);
  const over = checkedRun(input, { maxInputBytes: size - 1 });
  assert.is(over.exitCode, 1);
  assert.equal(errors(over), ['input/input-too-large <input>']);
  assert.is(over.stdout, input);
  assert.ok(DEFAULT_MAX_INPUT_BYTES >= 64 * 1024 * 1024, 'the default leaves room for large renders');
});

test('input size counts bytes, not characters', () => {
  const input = `${header}${configMap.replace('"1"', '"ééé"')}`;
  assert.equal(errors(checkedRun(input, { maxInputBytes: input.length })), ['input/input-too-large <input>']);
});

test('input size in file mode: the error names the file, the other files are still read', () => {
  const big = { path: 'big.yaml', text: `${header}${configMap}` };
  const small = { path: 'small.yaml', text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\n' };
  const result = runFiles([big, small], { maxInputBytes: Buffer.byteLength(small.text) });
  assert.is(result.exitCode, 1);
  const tooLarge = result.results.filter((r) => r.tags.rule === 'input/input-too-large');
  assert.equal(tooLarge.map((r) => r.file?.path), ['big.yaml']);
});

/** `levels` levels of nine aliases each: 9^levels nodes if expanded. */
function bomb(indent: string, levels = 10): string {
  const lines = [`${indent}l0: &l0 [x, x, x, x, x, x, x, x, x]`];
  for (let i = 1; i < levels; i++) lines.push(`${indent}l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

test('alias bomb in a NetworkPolicy: refused quickly, the rule names the item, nothing lost', () => {
  assertItemRefused(`${header}${configMap}${policy('bomb', `    podSelector: {}\n${bomb('    ')}`)}`, 'bomb');
});

test('alias bomb in a label map of a policy in a plain stream', () => {
  const input = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: bomb\n  labels:\n${bomb('    ')}spec:\n  podSelector: {}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keep\n`;
  const result = checkedRun(input);
  assert.is(result.exitCode, 1);
  assert.ok(errors(result).includes('krm/yaml-syntax bomb'));
  assert.is(result.stdout, input);
});

test('alias bomb in an item of a kind no stage reads: never expanded, passed through', () => {
  const input = `${header}${configMap.replace('    a: "1"\n', bomb('    '))}`;
  const result = checkedRun(input);
  assert.is(result.exitCode, 0);
  assert.is(result.stdout, input);
});

test('alias bomb in the functionConfig or the earlier results: the input is echoed with a clear error', () => {
  for (const entry of ['functionConfig', 'results']) {
    const input = `${header}${configMap}${entry}:\n  apiVersion: v1\n  kind: ConfigMap\n  data:\n${bomb('    ')}`;
    const result = checkedRun(input);
    assert.is(result.exitCode, 1);
    assert.equal(errors(result), [`input/${entry === 'results' ? 'bad-earlier-results' : 'bad-function-config'} <input>`], entry);
    assert.is(result.stdout, input);
  }
});

test('alias bomb in the flat ConfigMap form of the functionConfig: a config error naming the key', () => {
  const flow = '[&a [x, x, x, x], [*a, *a, *a, *a], [*a, *a, *a, *a]]';
  const input = `${header}${configMap}functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: cfg\n  data:\n    expectations: "${flow}"\n`;
  const result = checkedRun(input);
  assert.is(result.exitCode, 1);
  const config = result.results.filter((r) => r.tags.rule === 'config/invalid');
  assert.ok(config.length > 0 && config.every((r) => r.resourceRef?.name === 'cfg' && r.field?.path !== undefined), JSON.stringify(config));
  assert.ok(result.stdout.startsWith(input));
});

const DEPTHS = [70, 20_000];

test('deeply nested flow YAML in a policy: an item error, no stack overflow', () => {
  for (const depth of DEPTHS) {
    assertItemRefused(`${header}${configMap}${policy('deep', `    podSelector: {}\n    ingress: ${'['.repeat(depth)}${']'.repeat(depth)}\n`)}`, 'deep');
    // an alias sends the item through the other parser
    assertItemRefused(`${header}${configMap}${policy('deep', `    podSelector: &s {}\n    egress: [{to: [{podSelector: *s}]}]\n    ingress: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`)}`, 'deep');
  }
});

test('deeply nested block YAML in a policy: an item error, no stack overflow', () => {
  for (const depth of DEPTHS) {
    assertItemRefused(`${header}${configMap}${policy('deep', `    podSelector: {}\n    ingress:\n    ${'- '.repeat(depth)}x\n`)}`, 'deep');
  }
  const maps = Array.from({ length: 300 }, (_, i) => `${' '.repeat(4 + 2 * i)}k${i}:\n`).join('');
  assertItemRefused(`${header}${configMap}${policy('deep', `    podSelector:\n${maps}${' '.repeat(604)}x: y\n`)}`, 'deep');
});

test('nesting in the functionConfig beyond the item limit: the input is echoed with a clear error', () => {
  for (const depth of [70, 5_000]) {
    const input = `${header}${configMap}functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: cfg}\n  data: {a: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}}\n`;
    const result = checkedRun(input);
    assert.equal(errors(result), ['input/bad-function-config <input>']);
    assert.is(result.stdout, input);
  }
});

test('deep nesting where the reader cannot find items by lines: the input is echoed with a clear error', () => {
  const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
  const inputs = [
    `{"apiVersion":"config.kubernetes.io/v1","kind":"ResourceList","items":[{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"deep"},"spec":${deep}}]}\n`,
    `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: deep}\nspec: ${deep}\n`,
    `${header}${configMap}functionConfig:\n  apiVersion: v1\n  kind: ConfigMap\n  data: ${deep}\n`,
  ];
  for (const input of inputs) {
    const result = checkedRun(input);
    assert.is(result.exitCode, 1);
    assert.is(result.stdout, input);
    assert.is(errors(result).length, 1);
    assert.match(errors(result)[0]!, /^(input\/too-deep|input\/bad-function-config) <input>$/);
  }
});

test('moderate nesting in a re-rendered (JSON) list: the item is flagged and the rest written', () => {
  for (const depth of [70, 500, 2_000]) {
    const deep = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const input = `{"apiVersion":"config.kubernetes.io/v1","kind":"ResourceList","items":[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"keep"}},{"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"deep"},"spec":${deep}}]}\n`;
    const result = checkedRun(input);
    assert.is(result.exitCode, 1);
    // a JSON item that cannot be read has no name to show: its line says which it is
    const problem = result.results.find((r) => r.tags.rule === 'krm/yaml-syntax' || r.tags.rule === 'input/too-deep');
    assert.ok(problem !== undefined, `${depth}: ${errors(result).join(', ')}`);
    if (problem.tags.rule === 'krm/yaml-syntax') assert.match(problem.message, /line 1, column \d+/);
    else assert.is(result.stdout, input);
  }
});

test.run();
