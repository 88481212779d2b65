import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { DEFAULT_CONFIG } from '../../src/config/sections';
import type { Config } from '../../src/config/types';
import { TRANSFORMS } from '../../src/transform/registry';
import { runTransforms } from './items';

test('transform ids are unique', () => {
  const ids = TRANSFORMS.map((t) => t.id);
  assert.equal(ids, [...new Set(ids)]);
  assert.equal(ids, ['selectors', 'egress', 'dns']);
});

test('with no config only hardening runs', () => {
  assert.equal(TRANSFORMS.filter((t) => t.enabled(DEFAULT_CONFIG)).map((t) => t.id), ['selectors']);
});

const everything: Config = {
  ...DEFAULT_CONFIG,
  selectors: { mode: 'harden', namespaceSelectors: true, stripLabels: [] },
  dns: { ...DEFAULT_CONFIG.dns, ensure: true },
  egress: {
    grants: [
      { ports: [{ port: 5432 }], to: [{ podSelector: { matchLabels: { app: 'db' } } }], mergeInto: { namespace: 'n' } },
      { ports: [{ port: 'kafka', protocol: 'UDP' }], generate: { name: 'g', namespace: 'n', podSelector: {} } },
    ],
  },
};

// Shapes a hostile or broken input might take at any place of a policy.
const key = fc.constantFrom('podSelector', 'matchLabels', 'matchExpressions', 'ingress', 'egress', 'from', 'to', 'ports', 'policyTypes', 'namespaceSelector', 'ipBlock', 'port', 'protocol', '__proto__', 'app');
const junk = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, 0, 53, -1, '', 'x', 'TCP', 'Egress', true, [], {}),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

test('law: no input makes a transform throw, and every finding names a rule', () => {
  fc.assert(
    fc.property(junk, (spec) => {
      const source = stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'n' }, spec });
      const { findings } = runTransforms(TRANSFORMS, source, everything);
      assert.ok(findings.every((f) => f.ruleId.startsWith('netpol-guard/')));
    }),
    { numRuns: 300 },
  );
});

test.run();
