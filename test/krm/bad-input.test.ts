import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { run } from '../../src/run';
import { documentsOf, itemsOf, resultsOf } from '../helpers';

const header = 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n';
const configMap = (name: string) => `- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: ${name}\n`;

function rules(stdout: string): string[] {
  return resultsOf(stdout).map((result) => result.tags.rule);
}

test('seed 002 broken quote: error with line and column, the other documents kept', () => {
  const stream = [
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: source-namespace\n',
    'kind: NetworkPolicy\napiVersion: networking.k8s.io/v1\nmetadata:\n  name: allow-source-namespace\n  namespace: target-namespace\nspec:\n  podSelector: {}\n  policyTypes:\n  - Ingress\n  ingress:\n  - from:\n    - namespaceSelector:\n        matchLabels:\n          cloud-platform.justice.gov.uk/namespace: "source-namespace\'\n',
  ].join('---\n');
  const result = run(stream);
  assert.is(result.exitCode, 1);
  assert.is(result.stdout, stream, 'nothing is lost or changed');
  assert.match(result.stderr, /krm\/yaml-syntax/);
  assert.match(result.stderr, /line \d+, column \d+/);
  assert.match(result.stderr, /quote/);
});

test('a workload is read only where its labels and ports are: an error there is reported, one in its env is not', () => {
  const deployment = (ports: string, env: string) =>
    `- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: web\n    namespace: shop\n  spec:\n    template:\n      metadata:\n        labels:\n          app: web\n      spec:\n        containers:\n        - name: web\n          env: ${env}\n          ports: ${ports}\n`;
  const broken = `${header}${deployment('[{containerPort: 80', '[]')}`;
  const inPorts = run(broken);
  assert.is(inPorts.exitCode, 1);
  assert.match(inPorts.stderr, /krm\/yaml-syntax/);
  assert.ok(inPorts.stdout.includes('ports: [{containerPort: 80\n'), 'the item is kept as it was');
  const inEnv = run(`${header}${deployment('[{containerPort: 80}]', '[{name: A, value: "x}]')}`);
  assert.is(inEnv.exitCode, 0, 'KRM mode skips the parts of a workload no stage reads');
  assert.not.match(inEnv.stderr, /yaml-syntax/);
});

test('not YAML at all: input echoed, error with position, exit 1', () => {
  const input = 'key: [unclosed\nother: }\n';
  const result = run(input);
  assert.is(result.exitCode, 1);
  assert.is(result.stdout, input);
  assert.match(result.stderr, /line \d+, column \d+|YAML/);
  assert.not.match(result.stderr, /\n\s+at /, 'no stack trace');
});

test('empty stdin: clear error, exit 1', () => {
  for (const input of ['', '\n\n', '   ']) {
    const result = run(input);
    assert.is(result.exitCode, 1);
    assert.match(result.stderr, /input\/empty-input/);
  }
});

test('a ResourceList of an unknown version is refused, input kept', () => {
  const input = 'apiVersion: example.com/v9\nkind: ResourceList\nitems: []\n';
  const result = run(input);
  assert.is(result.exitCode, 1);
  assert.is(result.stdout, input);
  assert.match(result.stderr, /input\/not-resource-list/);
});

test('a document that is not an object is an error item, kept in place', () => {
  const input = 'just a string\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n';
  const result = run(input);
  assert.is(result.exitCode, 1);
  assert.is(result.stdout, input);
  assert.match(result.stderr, /krm\/not-an-object/);
});

test('items that is not a list: clear error, input kept', () => {
  const input = `${header.replace('items:\n', 'items:\n  a: 1\n')}`;
  const result = run(input);
  assert.is(result.exitCode, 1);
  assert.is(result.stdout, input);
  assert.match(result.stderr, /input\/items-not-a-list/);
});

test('an item without apiVersion or kind: error result naming the field, item kept', () => {
  const input = `${header}${configMap('a')}- metadata:\n    name: nameless\n${configMap('c')}`;
  const result = run(input);
  assert.is(result.exitCode, 1);
  assert.is(itemsOf(result.stdout).length, 3);
  assert.ok(result.stdout.startsWith(input));
  const missing = resultsOf(result.stdout).filter((r) => r.tags.rule === 'krm/missing-type');
  assert.equal(missing.map((r) => r.field?.path).sort(), ['apiVersion', 'kind']);
});

test('duplicate keys in an item it reads: error with position, item kept', () => {
  const input = `${header}${configMap('a')}- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata:\n    name: dup\n    name: dup2\n`;
  const result = run(input);
  assert.is(result.exitCode, 1);
  assert.ok(result.stdout.startsWith(input));
  assert.ok(rules(result.stdout).includes('krm/yaml-syntax'));
  assert.match(result.stdout, /line 12, column 5/);
});

test('alias bomb: refused quickly, item kept', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)},*${String.fromCharCode(96 + i)}]`);
  const input = `${header}${configMap('a')}- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata:\n    name: bomb\n  spec:\n${bomb.map((line) => `    ${line}\n`).join('')}`;
  const result = run(input);
  assert.is(result.exitCode, 1);
  assert.ok(result.stdout.startsWith(input));
  assert.match(result.stdout, /alias/);
});

test('__proto__ and constructor keys are data, not prototype changes', () => {
  const input = `${header}- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: proto\n    labels:\n      __proto__: polluted\n      constructor: x\n  data:\n    __proto__: {polluted: "yes"}\n    constructor: {prototype: {polluted: "yes"}}\n`;
  const result = run(input);
  assert.is(result.exitCode, 0);
  assert.ok(result.stdout.startsWith(input));
  assert.is(({} as Record<string, unknown>).polluted, undefined);
  assert.is((Object.prototype as Record<string, unknown>).polluted, undefined);
});

test('a byte order mark is accepted', () => {
  const input = `\ufeff${header}${configMap('a')}`;
  const result = run(input);
  assert.is(result.exitCode, 0);
  assert.is(itemsOf(result.stdout).length, 1);
});

test('a stream with only documents, comments and separators keeps them all', () => {
  const input = '---\n# only a comment\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n';
  const result = run(input);
  assert.is(result.exitCode, 0);
  assert.is(result.stdout, input);
  assert.is(documentsOf(result.stdout).filter((d) => d !== null).length, 1);
});

test('input over the size limit: clear error naming the limit', () => {
  const result = run(`${header}${configMap('a')}`, { maxInputBytes: 10 });
  assert.is(result.exitCode, 1);
  assert.match(result.stderr, /input\/input-too-large/);
  assert.match(result.stderr, /NETPOL_GUARD_MAX_INPUT_BYTES/);
});

test('a 50 MB input is processed and every item comes back', () => {
  const parts: string[] = [header];
  let size = header.length;
  let count = 0;
  const filler = 'x'.repeat(200);
  while (size < 50 * 1024 * 1024) {
    const item = `- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: cm-${count}\n  data:\n    a: "${filler}"\n    b: "${filler}"\n    c: "${filler}"\n`;
    parts.push(item);
    size += item.length;
    count++;
  }
  const input = parts.join('');
  const result = run(input);
  assert.is(result.exitCode, 0);
  assert.is(result.stdout, input);
});

test.run();
