import { test } from 'uvu';
import { namedPortUndeclared } from '../../../src/validate/rules/named-port-undeclared';
import { assertRuleCases, deployment, np } from './table';

test('netpol/named-port-undeclared', () => {
  const web = deployment('web', '{app: web}', ['http:8080', 'metrics:9090/UDP']);
  assertRuleCases(namedPortUndeclared, [
    ['declared', `${web}${np('p', '{podSelector: {matchLabels: {app: web}}, ingress: [{ports: [{port: http}]}]}')}`, []],
    ['undeclared', `${web}${np('p', '{podSelector: {matchLabels: {app: web}}, ingress: [{ports: [{port: 80}, {port: https}]}]}')}`, [[1, ['spec', 'ingress', 0, 'ports', 1, 'port']]]],
    ['wrong protocol', `${web}${np('p', '{podSelector: {matchLabels: {app: web}}, ingress: [{ports: [{port: metrics}]}]}')}`, [[1, ['spec', 'ingress', 0, 'ports', 0, 'port']]]],
    ['egress to selected pods: only theirs count', `${web}${deployment('api', '{app: api}', ['grpc:9000'])}${np('p', '{podSelector: {matchLabels: {app: api}}, egress: [{to: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: grpc}, {port: http}]}]}')}`, [[2, ['spec', 'egress', 0, 'ports', 0, 'port']]]],
    ['egress to pods outside the list: not checked', `${web}${np('p', '{podSelector: {}, egress: [{to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: other}}}], ports: [{port: grpc}]}]}')}`, []],
    ['egress looks at every workload', `${web}${np('p', '{podSelector: {matchLabels: {app: other}}, egress: [{ports: [{port: http}, {port: grpc}]}]}')}`, [[1, ['spec', 'egress', 0, 'ports', 1, 'port']]]],
    ['no workloads: not checked', np('p', '{podSelector: {}, ingress: [{ports: [{port: https}]}]}'), []],
  ]);
});

test.run();
