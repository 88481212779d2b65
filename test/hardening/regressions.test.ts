/** Bugs the hardening tests found, pinned one by one. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { run } from '../../src/run';
import { parseAllDocuments } from 'yaml';
import { itemsOf, resultsOf } from '../helpers';

test('a JSON ResourceList on one line is read as a ResourceList, not as a one-document stream', () => {
  const policy = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'x', namespace: 'a' }, spec: { podSelector: { matchLabels: { app: 'a' } } } };
  const input = `${JSON.stringify({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items: [policy] })}\n`;
  const result = run(input);
  assert.is(result.exitCode, 0, result.stderr);
  assert.equal(resultsOf(result.stdout).map((r) => r.tags.rule), ['netpol-guard/selectors-harden']);
  assert.is(itemsOf(result.stdout).length, 1);
});

test('a flow ResourceList with no items or an empty functionConfig comes back as valid YAML', () => {
  for (const input of ['{apiVersion: config.kubernetes.io/v1, kind: ResourceList, items: []}\n', '{"apiVersion":"config.kubernetes.io/v1","kind":"ResourceList","items":[{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"},"data":{}}],"functionConfig":{}}\n']) {
    const result = run(input);
    assert.ok(result.results.every((r) => !r.tags.rule.startsWith('input/')), result.stderr);
    assert.equal(parseAllDocuments(result.stdout).flatMap((d) => d.errors.map((e) => e.code)), [], result.stdout);
  }
});

test('an alias pointing at an anchor in another item: refused as a whole, not turned into a dangling alias', () => {
  const header = 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n';
  const anchored = '- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata:\n    name: a\n  spec:\n    podSelector:\n      matchLabels: &shared {}\n';
  for (const user of ['- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata:\n    name: b\n  spec:\n    podSelector: *shared\n', '- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n  data: *shared\n']) {
    const input = `${header}${anchored}${user}`;
    const result = run(input);
    assert.is(result.exitCode, 1);
    assert.equal(result.results.map((r) => r.tags.rule), ['input/shared-anchor']);
    assert.is(result.stdout, input);
  }
  // anchors used inside their own item, or in separate documents of a stream, are fine
  const own = `${header}- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: c\n  data: &d {a: "1"}\n  binaryData: *d\n`;
  assert.is(run(own).exitCode, 0);
  const stream = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: &d {a: "1"}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: &d {b: "1"}\nbinaryData: *d\n';
  assert.is(run(stream).exitCode, 0);
});

test('a js-yaml error without a position (a stray document end after a lone CR) is an item error, not an internal error', () => {
  const input = '\r...\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n';
  const result = run(input);
  assert.is(result.exitCode, 1);
  assert.equal(result.results.map((r) => r.tags.rule), ['krm/yaml-syntax']);
  assert.is(result.stdout, input);
});

test('a ResourceList with a line of garbage at the top level is refused as not YAML, not edited', () => {
  const input = 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata:\n    name: p\n  spec:\n    podSelector: {matchLabels: {app: a}}\n\u0000 (garbage\n';
  for (const text of [input, input.replace('\u0000 (garbage', 'results:[]')]) {
    const result = run(text);
    assert.is(result.exitCode, 1);
    assert.equal(result.results.map((r) => r.tags.rule), ['input/not-yaml']);
    assert.is(result.stdout, text);
  }
});

test('a ResourceList with a trailing `---` or two leading ones is still read as a ResourceList', () => {
  const body = 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata: {name: p}\n  spec: {podSelector: {matchLabels: {app: a}}}\n';
  for (const input of [`${body}---\n`, `---\n${body}---\n`, `---\n---\n${body}`, `---\n# header\n---\n${body}`]) {
    const result = run(input);
    assert.equal(result.results.map((r) => r.tags.rule), ['netpol-guard/selectors-harden'], input);
  }
});

test.run();
