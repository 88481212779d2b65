import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RULES } from '../../src/validate/registry';
import { validate } from '../../src/validate/run';
import { checkValidationConfig } from '../../src/validate/config';
import { DEFAULT_CONFIG } from '../../src/config/sections';
import { contextFromYaml } from './items';

test('rule ids are unique and follow netpol/<name>', () => {
  const ids = RULES.map((rule) => rule.id);
  assert.is(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^netpol\/[a-z0-9]+(-[a-z0-9]+)*$/);
});

test('every rule accepts its valid example and reports its invalid one', () => {
  for (const rule of RULES) {
    const valid = rule.check(contextFromYaml(rule.example.valid, rule.example.settings));
    assert.equal(valid, [], `${rule.id} reports its valid example`);
    const invalid = rule.check(contextFromYaml(rule.example.invalid, rule.example.settings));
    assert.ok(invalid.length > 0, `${rule.id} misses its invalid example`);
  }
});

const BAD = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: p}
spec:
  podSelector: {}
  ingress: [{ports: [{port: 0}]}]
  policyTypes: [ingress]
`;

test('configured severities override, off silences, disabled validation reports nothing', () => {
  const defaults = validate(contextFromYaml(BAD));
  assert.equal(
    defaults.filter((f) => f.ruleId === 'netpol/api-validation').map((f) => [f.severity, f.path]),
    [
      ['error', ['spec', 'ingress', 0, 'ports', 0, 'port']],
      ['error', ['spec', 'policyTypes', 0]],
    ],
  );
  const warned = validate(contextFromYaml(BAD, { rules: { 'netpol/api-validation': 'warning' } }));
  assert.ok(warned.filter((f) => f.ruleId === 'netpol/api-validation').every((f) => f.severity === 'warning'));
  const off = validate(contextFromYaml(BAD, { rules: { 'netpol/api-validation': 'off' } }));
  assert.equal(off.filter((f) => f.ruleId === 'netpol/api-validation'), []);
  assert.equal(validate(contextFromYaml(BAD, { enabled: false })), []);
});

test('findings are ordered by item, then rule order, then the order each rule gave', () => {
  const source = `${BAD}---\napiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: {name: old}\nspec: {}\n---\n${BAD}`;
  const findings = validate(contextFromYaml(source));
  const indexes = findings.map((f) => f.itemIndex ?? -1);
  assert.equal(indexes, [...indexes].sort((a, b) => a - b));
  assert.equal(findings.find((f) => f.itemIndex === 1)?.ruleId, 'netpol/api-version');
});

test('config: unknown rule ids list the known ones; versions and cluster CIDRs are checked', () => {
  const problems = checkValidationConfig({
    ...DEFAULT_CONFIG.validation,
    kubernetesVersion: '1.12',
    rules: { 'netpol/nope': 'off', 'netpol/api-validation': 'warning' },
    clusterCIDRs: ['10.0.0.0/8', '10.0.0.0'],
  });
  assert.equal(problems.map((p) => p.path), [['rules', 'netpol/nope'], ['kubernetesVersion'], ['clusterCIDRs', 1]]);
  for (const rule of RULES) assert.ok(problems[0]!.message.includes(rule.id));
  assert.equal(checkValidationConfig(DEFAULT_CONFIG.validation), []);
});

test.run();
