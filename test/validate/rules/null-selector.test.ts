import { test } from 'uvu';
import { nullSelector } from '../../../src/validate/rules/null-selector';
import { assertRuleCases, np } from './table';

test('netpol/null-selector', () => {
  assertRuleCases(nullSelector, [
    ['explicit {}', np('p', '{podSelector: {}, egress: [{to: [{namespaceSelector: {}}]}]}'), []],
    ['seed 003 matchLabels with no value', np('p', '\n  podSelector: {matchLabels: {app: ui}}\n  egress:\n    - to:\n        - namespaceSelector:\n            matchLabels:\n          podSelector:\n            matchLabels: {a: b}'), [[0, ['spec', 'egress', 0, 'to', 0, 'namespaceSelector', 'matchLabels']]]],
    ['podSelector with no value', np('p', '\n  podSelector:\n  policyTypes: [Ingress]'), [[0, ['spec', 'podSelector']]]],
    ['peer namespaceSelector with no value', np('p', '\n  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector:\n          podSelector: {matchLabels: {a: b}}'), [[0, ['spec', 'ingress', 0, 'from', 0, 'namespaceSelector']]]],
    ['null beside real terms is harmless', np('p', '{podSelector: {matchLabels: null, matchExpressions: [{key: a, operator: Exists}]}}'), []],
  ]);
});

test.run();
