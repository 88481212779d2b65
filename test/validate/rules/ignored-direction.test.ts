import { test } from 'uvu';
import { ignoredDirection } from '../../../src/validate/rules/ignored-direction';
import { assertRuleCases, np } from './table';

test('netpol/ignored-direction', () => {
  assertRuleCases(ignoredDirection, [
    ['defaulted policyTypes cover both', np('p', '{podSelector: {}, ingress: [{}], egress: [{}]}'), []],
    ['egress rules, Ingress only', np('p', '{podSelector: {}, policyTypes: [Ingress], egress: [{}]}'), [[0, ['spec', 'egress']]]],
    ['ingress rules, Egress only', np('p', '{podSelector: {}, policyTypes: [Egress], ingress: [{}], egress: [{}]}'), [[0, ['spec', 'ingress']]]],
  ]);
});

test.run();
