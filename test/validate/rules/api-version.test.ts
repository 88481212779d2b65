import { test } from 'uvu';
import { apiVersion } from '../../../src/validate/rules/api-version';
import { assertRuleCases, np } from './table';

test('netpol/api-version', () => {
  assertRuleCases(apiVersion, [
    ['v1 is checked elsewhere', np('a', '{}'), []],
    ['removed beta versions', `${np('a', '{}').replace('networking.k8s.io/v1', 'extensions/v1beta1')}${np('b', '{}').replace('networking.k8s.io/v1', 'networking.k8s.io/v1beta1')}`, [[0, ['apiVersion']], [1, ['apiVersion']]]],
    ['another group', np('a', '{}').replace('networking.k8s.io/v1', 'projectcalico.org/v3'), [[0, ['apiVersion']]]],
    ['other kinds are ignored', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n', []],
  ]);
});

test.run();
