import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { DEFAULT_CONFIG } from '../../../src/config/sections';
import type { Config } from '../../../src/config/types';
import type { SelectorsConfig } from '../../../src/config/sections/selectors';
import { selectorsTransform } from '../../../src/transform/selectors';
import { readNetworkPolicy } from '../../../src/netpol/read';
import { parse } from 'yaml';
import { runTransforms } from '../items';
import { policy } from '../arbitraries';

const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: pod-2-netpol
  namespace: team-one-namespace
  labels:
    app: pod-2
spec:
  podSelector:
    matchLabels:
      app: pod-2
  egress:
    - to:
        - namespaceSelector: # another namespace
            matchLabels:
              name: team-two-namespace
          podSelector:
            matchLabels:
              app: pod-3
  ingress:
    - from:
        - podSelector: {}
        - podSelector:
            matchLabels:
              app: pod-1
              team: one
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: untouched
data:
  podSelector: x
`;

function config(selectors: Partial<SelectorsConfig>): Config {
  return { ...DEFAULT_CONFIG, selectors: { ...DEFAULT_CONFIG.selectors, ...selectors } };
}

function run(source: string, selectors: Partial<SelectorsConfig>) {
  return runTransforms([selectorsTransform], source, config(selectors));
}

test('harden reports each rewritten selector by path and leaves podSelector: {} and other kinds alone', () => {
  const { findings, output, touched } = run(POLICY, {});
  assert.equal(
    findings.map((f) => [f.ruleId, f.severity, f.itemIndex, f.path]),
    [
      ['netpol-guard/selectors-harden', 'info', 0, ['spec', 'podSelector', 'matchLabels']],
      ['netpol-guard/selectors-harden', 'info', 0, ['spec', 'ingress', 0, 'from', 1, 'podSelector', 'matchLabels']],
      ['netpol-guard/selectors-harden', 'info', 0, ['spec', 'egress', 0, 'to', 0, 'podSelector', 'matchLabels']],
    ],
  );
  assert.equal([...touched], [0]);
  assert.ok(output.includes('- podSelector: {}'));
  assert.ok(output.includes('# another namespace'));
});

test('namespaceSelectors: true extends hardening to namespace selectors', () => {
  const { findings } = run(POLICY, { namespaceSelectors: true });
  assert.ok(findings.some((f) => f.path?.join('/') === 'spec/egress/0/to/0/namespaceSelector/matchLabels'));
});

test('check warns about every selector an overlay could pollute and edits nothing', () => {
  const { findings, touched } = run(POLICY, { mode: 'check' });
  assert.equal(findings.map((f) => f.severity), ['warning', 'warning', 'warning']);
  assert.ok(findings.every((f) => f.ruleId === 'netpol-guard/selectors-check'));
  assert.is(touched.size, 0);
});

test('strip removes exactly the named keys from selectors, never from metadata', () => {
  const { findings, output } = run(POLICY, { mode: 'strip', stripLabels: ['team', 'absent'] });
  assert.equal(findings.map((f) => f.path), [['spec', 'ingress', 0, 'from', 1, 'podSelector', 'matchLabels', 'team']]);
  const value = parse(output.split('---\n')[0]!) as { metadata: { labels: unknown }; spec: { podSelector: unknown } };
  assert.equal(value.metadata.labels, { app: 'pod-2' });
  assert.equal(value.spec.podSelector, { matchLabels: { app: 'pod-2' } });
});

test('strip with nothing to strip does not take the document', () => {
  const { findings, touched } = run(POLICY, { mode: 'strip', stripLabels: ['zone'] });
  assert.is(findings.length, 0);
  assert.is(touched.size, 0);
});

test('a malformed selector is left for validation to report', () => {
  const source = POLICY.replace('app: pod-2\n  egress', 'app: 7\n  egress');
  const { findings } = run(source, {});
  assert.not.ok(findings.some((f) => f.path?.join('/') === 'spec/podSelector/matchLabels'));
});

test('law: hardening keeps the policy valid and running it twice gives the text of running it once', () => {
  fc.assert(
    fc.property(policy, (value) => {
      const source = stringify(value);
      const once = run(source, { namespaceSelectors: true }).output;
      const twice = run(once, { namespaceSelectors: true });
      assert.is(twice.output, once);
      assert.is(twice.touched.size, 0);
      assert.ok(readNetworkPolicy(parse(once), 'n'));
      assert.not.ok(once.includes('matchLabels'));
    }),
    { numRuns: 60 },
  );
});

test.run();
