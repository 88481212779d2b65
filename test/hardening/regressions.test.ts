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

test.run();
