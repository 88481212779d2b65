import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Document, parse, parseDocument } from 'yaml';
import { readLabelSelector } from '../../../src/netpol/read';
import { hardenLines } from '../../../src/transform/selectors/fast';
import { hardenSelector } from '../../../src/transform/selectors/harden';
import { pollutableSelectors } from '../../../src/transform/selectors/sites';
import { policy } from '../arbitraries';

function sitesOf(value: unknown) {
  return pollutableSelectors(value, false).filter((site) => readLabelSelector(site.value) !== undefined);
}

test('the line rewrite is taken for the layout kustomize emits', () => {
  const text = [
    'apiVersion: networking.k8s.io/v1',
    'kind: NetworkPolicy',
    'metadata:',
    '  name: pod-2-netpol # keep me',
    'spec:',
    '  podSelector:',
    '    matchLabels:',
    '      app: "pod-2"',
    '  egress:',
    '  - to:',
    '    - namespaceSelector: # other namespace',
    '        matchLabels:',
    '          name: team-two',
    '      podSelector:',
    '        matchLabels:',
    '          app.kubernetes.io/name: pod-3',
    '',
  ].join('\n');
  const value = parse(text) as unknown;
  const patched = hardenLines(text, sitesOf(value), value)?.text;
  assert.ok(patched !== undefined, 'plain block selectors take the fast path');
  assert.match(patched!, /name: pod-2-netpol # keep me/);
  assert.match(patched!, /- namespaceSelector: # other namespace\n {8}matchLabels:\n {10}name: team-two/);
  assert.not.match(patched!, /podSelector:\n\s+matchLabels/);
  assert.match(patched!, / {4}matchExpressions:\n {4}- key: app\n {6}operator: In\n {6}values:\n {6}- "pod-2"/);
});

test('it declines what it does not handle, so the Document path runs', () => {
  const commented = 'spec:\n  podSelector:\n    matchLabels:\n      app: web # why\n';
  const withExpressions = 'spec:\n  podSelector:\n    matchLabels:\n      app: web\n    matchExpressions:\n    - {key: tier, operator: Exists}\n';
  const flow = 'spec:\n  podSelector:\n    matchLabels: {app: web}\n';
  for (const text of [commented, withExpressions, flow]) {
    const value = parse(text) as unknown;
    assert.is(hardenLines(text, sitesOf(value), value), undefined, text);
  }
});

test('it declines when the lines do not hold what the data says (a range cut short or overrunning)', () => {
  const text = 'spec:\n  podSelector:\n    matchLabels:\n      app: web\n      tier: front\n';
  const value = parse(text) as { spec: { podSelector: { matchLabels: Record<string, string> } } };
  const sites = sitesOf(value);
  assert.ok(hardenLines(text, sites, value) !== undefined);
  // the data has a label the lines lack: as if a line belonging to matchLabels were missed
  const more = structuredClone(value);
  more.spec.podSelector.matchLabels.extra = 'x';
  assert.is(hardenLines(text, sites, more), undefined);
  // the data lacks a label the lines have: as if the range ran into a sibling
  const fewer = structuredClone(value);
  delete (fewer.spec.podSelector.matchLabels as Record<string, string>).tier;
  assert.is(hardenLines(text, sites, fewer), undefined);
});

test('a key that would read as another type once it is a value declines; a quoted value takes the line proof', () => {
  // `null: web` has the key "null", but `key: null` would read as null
  for (const key of ['null', 'true', '12', '0x1F', '1e3']) {
    const text = `spec:\n  podSelector:\n    matchLabels:\n      ${key}: web\n`;
    const value = parse(text) as unknown;
    assert.ok(sitesOf(value).length === 1, key);
    assert.is(hardenLines(text, sitesOf(value), value), undefined, key);
  }
  const plain = 'spec:\n  podSelector:\n    matchLabels:\n      tier: "1"\n      app.kubernetes.io/name: web-0.1\n';
  const plainValue = parse(plain) as unknown;
  const patched = hardenLines(plain, sitesOf(plainValue), plainValue);
  assert.ok(patched !== undefined);
  assert.equal(parse(patched!.text), { spec: { podSelector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['1'] }, { key: 'app.kubernetes.io/name', operator: 'In', values: ['web-0.1'] }] } } });
});

test('selectors seen before are proved from the memo, and each answer has values of its own', () => {
  const text = 'spec:\n  podSelector:\n    matchLabels:\n      k8s-app: kube-dns\n';
  const value = parse(text) as unknown;
  const first = hardenLines(text, sitesOf(value), value)!;
  const second = hardenLines(text, sitesOf(value), value)!;
  assert.is(second.text, first.text);
  const expressions = (result: { value: unknown }) => (result.value as { spec: { podSelector: { matchExpressions: { values: string[] }[] } } }).spec.podSelector.matchExpressions;
  assert.ok(expressions(first) !== expressions(second), 'no parsed object is shared between items');
  expressions(first)[0]!.values.push('changed');
  assert.equal(expressions(second), [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }]);
});

test('property: when it answers, it means exactly what the Document rewrite means', () => {
  let answered = 0;
  fc.assert(
    fc.property(policy, fc.boolean(), fc.boolean(), (generated, wide, labelsOnly) => {
      // half the cases in the shape overlays usually hand over: labels only
      const value = labelsOnly ? withoutExpressions(generated) : generated;
      const text = new Document(value).toString({ indentSeq: wide });
      const data = parse(text) as unknown;
      const sites = sitesOf(data);
      const result = hardenLines(text, sites, data);
      if (result === undefined) return;
      const patched = result.text;
      if (sites.length > 0) answered++;
      const doc = parseDocument(text);
      for (const site of sites) hardenSelector(doc, site.path);
      assert.equal(parse(patched), doc.toJS());
      // the value handed back is what the new text parses to, key order included
      assert.is(JSON.stringify(result.value), JSON.stringify(parse(patched)));
      // and the data it started from is left as it was
      assert.equal(data, parse(text));
      // and the rest of the text is untouched: hardening the result again changes nothing
      const again = parse(patched) as unknown;
      assert.equal(sitesOf(again), []);
    }),
    { numRuns: 300 },
  );
  assert.ok(answered > 20, `the fast path answered only ${answered} times: the law was barely exercised`);
});

/** The same policy with every matchExpressions and empty matchLabels removed. */
function withoutExpressions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutExpressions);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (key === 'matchExpressions') continue;
    if (key === 'matchLabels' && typeof entry === 'object' && entry !== null && Object.keys(entry).length === 0) continue;
    out[key] = withoutExpressions(entry);
  }
  return out;
}

test.run();
