import { test } from 'uvu';
import { namespaceSelectorUnmatched } from '../../../src/validate/rules/namespace-selector-unmatched';
import { assertRuleCases, namespace, np } from './table';

test('netpol/namespace-selector-unmatched', () => {
  const peer = (selector: string) => np('p', `{podSelector: {}, ingress: [{from: [{namespaceSelector: ${selector}}]}]}`);
  assertRuleCases(namespaceSelectorUnmatched, [
    ['label carried', `${namespace('src', '{team: a}')}${peer('{matchLabels: {team: a}}')}`, []],
    ['seed 002: label the Namespace lacks', `${namespace('src', '{team: a}')}${peer('{matchLabels: {component: token-verification-api-dev}}')}`, [[1, ['spec', 'ingress', 0, 'from', 0, 'namespaceSelector']]]],
    ['by name only: may exist outside the list', `${namespace('src')}${peer('{matchLabels: {kubernetes.io/metadata.name: kube-system}}')}`, []],
    ['no Namespace in the list: nothing to compare', peer('{matchLabels: {team: a}}'), []],
    ['empty selector selects all', `${namespace('src')}${peer('{}')}`, []],
    ['expressions too', `${namespace('src', '{env: dev}')}${peer('{matchExpressions: [{key: env, operator: In, values: [prod]}]}')}`, [[1, ['spec', 'ingress', 0, 'from', 0, 'namespaceSelector']]]],
  ]);
});

test.run();
