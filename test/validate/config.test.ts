import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RULES } from '../../src/validate/registry';
import { checkValidationConfig, validationConfigCheck } from '../../src/validate/config';
import { DEFAULT_CONFIG } from '../../src/config/sections';

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

test('as a loader check, paths start at the functionConfig root', () => {
  const config = { ...DEFAULT_CONFIG, validation: { ...DEFAULT_CONFIG.validation, rules: { 'netpol/x': 'off' as const } } };
  assert.equal(validationConfigCheck(config).map((p) => p.path), [['spec', 'validation', 'rules', 'netpol/x']]);
});

test.run();
