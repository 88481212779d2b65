import { test } from 'uvu';
import { apiDecoding } from '../../../src/validate/rules/api-decoding';
import { apiValidation } from '../../../src/validate/rules/api-validation';
import { apiVersion } from '../../../src/validate/rules/api-version';
import { apiWarning } from '../../../src/validate/rules/api-warning';
import { assertRuleCases, np } from './table';

test('netpol/api-version', () => {
  assertRuleCases(apiVersion, [
    ['v1 is checked elsewhere', np('a', '{}'), []],
    ['removed beta versions', `${np('a', '{}').replace('networking.k8s.io/v1', 'extensions/v1beta1')}${np('b', '{}').replace('networking.k8s.io/v1', 'networking.k8s.io/v1beta1')}`, [[0, ['apiVersion']], [1, ['apiVersion']]]],
    ['another group', np('a', '{}').replace('networking.k8s.io/v1', 'projectcalico.org/v3'), [[0, ['apiVersion']]]],
    ['other kinds are ignored', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n', []],
  ]);
});

test('netpol/api-decoding', () => {
  assertRuleCases(apiDecoding, [
    ['valid', np('a', '{podSelector: {}}'), []],
    ['unknown field', np('a', '{podSelector: {}, ingres: []}'), [[0, ['spec', 'ingres']]]],
    ['wrong type', np('a', '{ingress: [{ports: [{endPort: "80"}]}]}'), [[0, ['spec', 'ingress', 0, 'ports', 0, 'endPort']]]],
    ['label value not a string', np('a', '{podSelector: {matchLabels: {enabled: true}}}'), [[0, ['spec', 'podSelector', 'matchLabels', 'enabled']]]],
    ['other apiVersions are not decoded as v1', np('a', '{x: 1}').replace('networking.k8s.io/v1', 'projectcalico.org/v3'), []],
  ]);
});

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

test('netpol/api-warning', () => {
  assertRuleCases(apiWarning, [
    ['canonical', np('a', '{egress: [{to: [{ipBlock: {cidr: "2001:db8::/32"}}]}]}'), []],
    ['non-canonical IPv6', np('a', '{egress: [{to: [{ipBlock: {cidr: "2001:DB8::/32"}}]}]}'), [[0, ['spec', 'egress', 0, 'to', 0, 'ipBlock', 'cidr']]]],
    ['1.35 warns on sloppy forms', np('a', '{egress: [{to: [{ipBlock: {cidr: 10.0.0.1/8, except: [010.1.0.0/16]}}]}]}'), [
      [0, ['spec', 'egress', 0, 'to', 0, 'ipBlock', 'cidr']],
      [0, ['spec', 'egress', 0, 'to', 0, 'ipBlock', 'except', 0]],
    ], { kubernetesVersion: '1.35' }],
    ['1.32 says nothing', np('a', '{egress: [{to: [{ipBlock: {cidr: 10.0.0.1/8}}]}]}'), [], { kubernetesVersion: '1.32' }],
    ['an invalid policy gets errors, not warnings', np('a', '{egress: [{to: [{ipBlock: {cidr: "2001:DB8::/32"}}, {}]}]}'), []],
  ]);
});

test.run();
