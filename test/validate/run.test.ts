import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { validate } from '../../src/validate/run';
import { run } from '../../src/run';
import { contextFromYaml } from './items';

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

test('the pipeline runs the stage: results carry rule ids and field paths, errors fail the run, items are untouched', () => {
  const input = `apiVersion: config.kubernetes.io/v1
kind: ResourceList
functionConfig:
  apiVersion: netpol-guard.dev/v1alpha1
  kind: NetpolGuard
  spec: {selectors: {mode: check}, validation: {rules: {netpol/api-validation: warning}}}
items:
- ${BAD.trimEnd().split('\n').join('\n  ')}
`;
  const result = run(input);
  assert.equal(
    result.results.map((r) => [r.tags.rule, r.field?.path, r.severity]),
    [
      ['netpol/api-validation', 'spec.ingress[0].ports[0].port', 'warning'],
      ['netpol/api-validation', 'spec.policyTypes[0]', 'warning'],
    ],
  );
  assert.is(result.exitCode, 0);
  assert.ok(result.stdout.includes(BAD.trimEnd().split('\n').join('\n  ')));
  assert.is(run(input.replace('netpol/api-validation: warning', 'netpol/api-validation: error')).exitCode, 1);
});

test.run();
