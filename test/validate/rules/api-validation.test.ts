import { test } from 'uvu';
import { apiValidation } from '../../../src/validate/rules/api-validation';
import { assertRuleCases, np } from './table';

test('netpol/api-validation', () => {
  assertRuleCases(apiValidation, [
    ['valid', np('a', '{ingress: [{ports: [{port: 80, endPort: 90}]}]}'), []],
    ['endPort below port', np('a', '{ingress: [{ports: [{port: 80}, {port: 80, endPort: 70}]}]}'), [[0, ['spec', 'ingress', 0, 'ports', 1, 'endPort']]]],
    ['seed 002 quote fixed, bad value kept', np('a', `{ingress: [{from: [{namespaceSelector: {matchLabels: {cloud-platform.justice.gov.uk/namespace: "source-namespace'"}}}]}]}`), [
      [0, ['spec', 'ingress', 0, 'from', 0, 'namespaceSelector', 'matchLabels']],
    ]],
    ['two policies', `${np('a', '{policyTypes: [egress]}')}${np('b', '{ingress: [{from: [{}]}]}')}`, [[0, ['spec', 'policyTypes', 0]], [1, ['spec', 'ingress', 0, 'from', 0]]]],
    ['decoding failure suppresses validation', np('a', '{policyTypes: [egress], ingress: "x"}'), []],
    ['version 1.35 accepts sloppy CIDRs', np('a', '{ingress: [{from: [{ipBlock: {cidr: 10.0.0.1/8}}]}]}'), [], { kubernetesVersion: '1.35' }],
    ['version 1.36 rejects them', np('a', '{ingress: [{from: [{ipBlock: {cidr: 10.0.0.1/8}}]}]}'), [[0, ['spec', 'ingress', 0, 'from', 0, 'ipBlock', 'cidr']]]],
  ]);
});

test.run();
