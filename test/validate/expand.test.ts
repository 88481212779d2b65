import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { validate } from '../../src/validate/run';
import { contextFromYaml } from './items';

test('policies inside a List are checked, and findings point into the list', () => {
  const source = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: c}
- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata: {name: p, namespace: shop}
  spec: {podSelector: {}, ingress: [{ports: [{port: 0}]}]}
`;
  const findings = validate(contextFromYaml(source)).filter((f) => f.ruleId === 'netpol/api-validation');
  assert.equal(findings.map((f) => [f.itemIndex, f.path]), [[0, ['items', 1, 'spec', 'ingress', 0, 'ports', 0, 'port']]]);
});

test('members of a typed list take apiVersion and kind from the list', () => {
  const source = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicyList
items:
- metadata: {name: a, namespace: shop}
  spec: {podSelector: {}}
- metadata: {name: a, namespace: shop}
  spec: {podSelector: {}, policyTypes: [Ingress]}
- metadata: {name: b, namespace: shop}
  spec: {podSelector: {}, policyTypes: [egress]}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: after}
`;
  const findings = validate(contextFromYaml(source));
  assert.equal(
    findings.map((f) => [f.ruleId, f.itemIndex, f.path]),
    [
      ['netpol/api-validation', 0, ['items', 2, 'spec', 'policyTypes', 0]],
      ['netpol/duplicate-policy', 0, ['items', 1, 'metadata', 'name']],
    ],
  );
});

test.run();
