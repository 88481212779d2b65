import { test } from 'uvu';
import { egressWithoutDns } from '../../../src/validate/rules/egress-without-dns';
import { assertRuleCases, deployment, np } from './table';

const DNS = '[{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]';

test('netpol/egress-without-dns', () => {
  assertRuleCases(egressWithoutDns, [
    ['seed 003 default deny egress', np('deny', '{podSelector: {matchLabels: {}}, policyTypes: [Egress]}'), [[0, ['spec', 'policyTypes']]]],
    ['DNS in the same policy', np('deny', `{podSelector: {}, policyTypes: [Egress], egress: [{ports: ${DNS}}]}`), []],
    ['DNS in a select-all policy of the namespace', `${np('app', '{podSelector: {matchLabels: {app: ui}}, egress: [{to: [{podSelector: {}}], ports: [{port: 8080}]}]}')}${np('dns', `{podSelector: {}, policyTypes: [Egress], egress: [{ports: ${DNS}}]}`)}`, []],
    ['DNS only in another namespace', `${np('app', '{podSelector: {}, egress: [{ports: [{port: 8080}]}]}')}${np('dns', `{podSelector: {}, policyTypes: [Egress], egress: [{ports: ${DNS}}]}`, 'other')}`, [[0, ['spec', 'egress']]]],
    ['DNS in a policy selecting the same workloads', `${deployment('ui', '{app: ui, tier: web}')}${np('app', '{podSelector: {matchLabels: {app: ui}}, egress: [{ports: [{port: 8080}]}]}')}${np('dns', `{podSelector: {matchLabels: {tier: web}}, policyTypes: [Egress], egress: [{ports: ${DNS}}]}`)}`, []],
    ['ingress-only policies are not concerned', np('in', '{podSelector: {}}'), []],
    ['a rule without ports opens DNS', np('out', '{podSelector: {}, egress: [{to: [{namespaceSelector: {}}]}]}'), []],
  ]);
});

test.run();
