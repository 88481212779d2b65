import { test } from 'uvu';
import { duplicatePolicy } from '../../../src/validate/rules/duplicate-policy';
import { assertRuleCases, np } from './table';

test('netpol/duplicate-policy', () => {
  assertRuleCases(duplicatePolicy, [
    ['distinct', `${np('a', '{podSelector: {}}')}${np('b', '{podSelector: {}, policyTypes: [Egress]}')}`, []],
    ['same name, same namespace', `${np('a', '{podSelector: {}}')}${np('a', '{podSelector: {}, policyTypes: [Egress]}')}`, [[1, ['metadata', 'name']]]],
    ['same name, other namespace', `${np('a', '{podSelector: {}}')}${np('a', '{podSelector: {}}', 'other')}`, []],
    ['same effect, other name (key order and defaulting ignored)', `${np('a', '{podSelector: {matchLabels: {x: "1", y: "2"}}, ingress: [{ports: [{port: 80}]}]}')}${np('b', '{ingress: [{ports: [{port: 80, protocol: TCP}]}], podSelector: {matchLabels: {y: "2", x: "1"}}, policyTypes: [Ingress]}')}`, [[1, ['spec']]]],
  ]);
});

test.run();
