import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { run } from '../../src/run';
import { fixture, itemsOf, resultsOf } from '../helpers';

const list = fixture('roundtrip', 'resourcelist.yaml');

test('items the function does not own come back byte for byte', () => {
  const result = run(list);
  assert.is(result.exitCode, 0);
  assert.ok(result.stdout.startsWith(list), 'the input text is a prefix of the output');
  assert.equal(resultsOf(result.stdout), []);
});

test('a plain stream comes back byte for byte, in order', () => {
  const stream = [
    '# leading comment\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {x: "0", y: yes}\n',
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b # trailing\ndata:\n  z: |\n    text\n',
    '{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "c"}}\n',
  ].join('---\n');
  const result = run(stream);
  assert.is(result.exitCode, 0);
  assert.is(result.stdout, stream);
});

test('CRLF line ends come back as CRLF', () => {
  const crlf = list.replace(/\n/g, '\r\n');
  const result = run(crlf);
  assert.is(result.exitCode, 0);
  assert.ok(result.stdout.startsWith(crlf));
});

test('a file that mixes LF and CRLF line ends comes back as it was', () => {
  const mixed = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\r\n---\r\napiVersion: v1\r\nkind: ConfigMap\nmetadata: {name: b}\n';
  const result = run(mixed);
  assert.is(result.exitCode, 0);
  assert.is(result.stdout, mixed);
});

test('a JSON ResourceList comes back as block YAML with the same data', () => {
  const list = {
    apiVersion: 'config.kubernetes.io/v1',
    kind: 'ResourceList',
    items: [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', annotations: { 'config.kubernetes.io/path': 'a.yaml' } }, data: { yes: 'yes', zero: '0' } },
      { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'n' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } },
    ],
  };
  const result = run(JSON.stringify(list));
  assert.is(result.exitCode, 0, result.stderr);
  assert.not.match(result.stdout, /^\s*[{[]/m, 'no flow collections left');
  assert.equal(itemsOf(result.stdout), list.items);
});

test('a second run gives the same output as the first', () => {
  const once = run(list).stdout;
  assert.is(run(once).stdout, once);
});

test.run();
