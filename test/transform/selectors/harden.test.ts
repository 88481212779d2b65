import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { Document, parseDocument } from 'yaml';
import { hardenSelector } from '../../../src/transform/selectors/harden';
import { readLabelSelector } from '../../../src/netpol/read';
import { selectorMatches } from '../../../src/netpol/selector';
import { labels, selector } from '../arbitraries';

function hardened(source: string): string {
  const doc = parseDocument(source);
  hardenSelector(doc, ['podSelector']);
  return doc.toString();
}

test('law: the rewritten selector selects exactly the pods the original did', () => {
  fc.assert(
    fc.property(selector, fc.array(labels, { minLength: 1, maxLength: 8 }), (written, pods) => {
      const doc = new Document({ podSelector: written });
      hardenSelector(doc, ['podSelector']);
      const after = (doc.toJS() as { podSelector: unknown }).podSelector;
      const before = readLabelSelector(written);
      const rewritten = readLabelSelector(after);
      assert.ok(before && rewritten);
      assert.not.ok(Object.prototype.hasOwnProperty.call(after, 'matchLabels'));
      for (const pod of pods) assert.is(selectorMatches(rewritten, pod), selectorMatches(before, pod));
    }),
  );
});

test('law: no requirement is duplicated and existing ones keep their order', () => {
  fc.assert(
    fc.property(selector, (written) => {
      const doc = new Document({ podSelector: written });
      hardenSelector(doc, ['podSelector']);
      const after = (doc.toJS() as { podSelector: { matchExpressions?: unknown[] } }).podSelector.matchExpressions ?? [];
      const existing = JSON.parse(JSON.stringify(written.matchExpressions ?? [])) as unknown[];
      assert.equal(after.slice(0, existing.length), existing);
      const added = after.slice(existing.length).map((e) => JSON.stringify(e));
      assert.is(new Set(added).size, added.length);
    }),
  );
});

test('rewrites matchLabels in place, keys with dots and slashes, quoting and comments kept', () => {
  const out = hardened(`podSelector:
  # who
  matchLabels:
    # the DNS pods
    k8s-app: "kube-dns" # resolver
    app.kubernetes.io/name: ui
`);
  assert.is(
    out,
    `podSelector:
  # who
  matchExpressions:
    # the DNS pods
    - key: k8s-app
      operator: In
      values:
        - "kube-dns" # resolver
    - key: app.kubernetes.io/name
      operator: In
      values:
        - ui
`,
  );
});

test('merges into existing matchExpressions without duplicating a requirement', () => {
  const out = hardened(`podSelector:
  matchExpressions:
    - { key: app, operator: In, values: [web] }
  matchLabels:
    app: web
    tier: front
`);
  const value = parseDocument(out).toJS() as { podSelector: Record<string, unknown> };
  assert.equal(Object.keys(value.podSelector), ['matchExpressions']);
  assert.equal(value.podSelector.matchExpressions, [
    { key: 'app', operator: 'In', values: ['web'] },
    { key: 'tier', operator: 'In', values: ['front'] },
  ]);
});

test('matchLabels: {} disappears, leaving the select-all selector kustomize cannot fill', () => {
  assert.is(hardened('podSelector:\n  matchLabels: {}\n'), 'podSelector: {}\n');
});

test('an aliased matchLabels is read through; the anchored map stays', () => {
  const out = hardened('labels: &l { app: x }\npodSelector:\n  matchLabels: *l\n');
  const value = parseDocument(out).toJS() as Record<string, unknown>;
  assert.equal(value, { labels: { app: 'x' }, podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['x'] }] } });
});

test('a selector without a matchLabels map is not touched', () => {
  const doc = parseDocument('podSelector:\n  matchLabels: null\n');
  assert.is(hardenSelector(doc, ['podSelector']), false);
  assert.is(hardenSelector(parseDocument('podSelector: {}\n'), ['podSelector']), false);
  assert.is(hardenSelector(parseDocument('other: 1\n'), ['podSelector']), false);
});

test.run();
