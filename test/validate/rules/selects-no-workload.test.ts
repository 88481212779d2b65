import { test } from 'uvu';
import { selectsNoWorkload } from '../../../src/validate/rules/selects-no-workload';
import { assertRuleCases, deployment, np } from './table';

test('netpol/selects-no-workload', () => {
  assertRuleCases(selectsNoWorkload, [
    ['selects one', `${deployment('web', '{app: web}')}${np('p', '{podSelector: {matchLabels: {app: web}}}')}`, []],
    ['typo', `${deployment('web', '{app: web}')}${np('p', '{podSelector: {matchLabels: {app: wbe}}}')}`, [[1, ['spec', 'podSelector']]]],
    ['commonLabels added to the selector only', `${deployment('web', '{app: web}')}${np('p', '{podSelector: {matchLabels: {app: web, env: prod}}}')}`, [[1, ['spec', 'podSelector']]]],
    ['no workloads in that namespace', `${deployment('web', '{app: web}', [], 'other')}${np('p', '{podSelector: {matchLabels: {app: x}}}')}`, []],
  ]);
});

test.run();
