import { test } from 'uvu';
import { dnsUdpOnly } from '../../../src/validate/rules/dns-udp-only';
import { duplicatePolicy } from '../../../src/validate/rules/duplicate-policy';
import { egressWithoutDns } from '../../../src/validate/rules/egress-without-dns';
import { ignoredDirection } from '../../../src/validate/rules/ignored-direction';
import { ipBlockCoversCluster } from '../../../src/validate/rules/ipblock-covers-cluster';
import { namedPortUndeclared } from '../../../src/validate/rules/named-port-undeclared';
import { namespaceSelectorUnmatched } from '../../../src/validate/rules/namespace-selector-unmatched';
import { nullSelector } from '../../../src/validate/rules/null-selector';
import { selectsNoWorkload } from '../../../src/validate/rules/selects-no-workload';
import { assertRuleCases, deployment, namespace, np } from './table';

const DNS = '[{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]';

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

test('netpol/dns-udp-only', () => {
  assertRuleCases(dnsUdpOnly, [
    ['both', np('d', `{podSelector: {}, egress: [{ports: ${DNS}}]}`), []],
    ['UDP only', np('d', '{podSelector: {}, egress: [{ports: [{port: 443}, {protocol: UDP, port: 53}]}]}'), [[0, ['spec', 'egress', 0, 'ports', 1]]]],
    ['TCP in another rule of the policy', np('d', '{podSelector: {}, egress: [{ports: [{protocol: UDP, port: 53}]}, {ports: [{port: 53}]}]}'), []],
    ['named dns port on UDP', np('d', '{podSelector: {}, egress: [{ports: [{protocol: UDP, port: dns}]}]}'), [[0, ['spec', 'egress', 0, 'ports', 0]]]],
    ['ingress DNS is not egress', np('d', '{podSelector: {}, ingress: [{ports: [{protocol: UDP, port: 53}]}]}'), []],
  ]);
});

test('netpol/selects-no-workload', () => {
  assertRuleCases(selectsNoWorkload, [
    ['selects one', `${deployment('web', '{app: web}')}${np('p', '{podSelector: {matchLabels: {app: web}}}')}`, []],
    ['typo', `${deployment('web', '{app: web}')}${np('p', '{podSelector: {matchLabels: {app: wbe}}}')}`, [[1, ['spec', 'podSelector']]]],
    ['commonLabels added to the selector only', `${deployment('web', '{app: web}')}${np('p', '{podSelector: {matchLabels: {app: web, env: prod}}}')}`, [[1, ['spec', 'podSelector']]]],
    ['no workloads in that namespace', `${deployment('web', '{app: web}', [], 'other')}${np('p', '{podSelector: {matchLabels: {app: x}}}')}`, []],
  ]);
});

test('netpol/ignored-direction', () => {
  assertRuleCases(ignoredDirection, [
    ['defaulted policyTypes cover both', np('p', '{podSelector: {}, ingress: [{}], egress: [{}]}'), []],
    ['egress rules, Ingress only', np('p', '{podSelector: {}, policyTypes: [Ingress], egress: [{}]}'), [[0, ['spec', 'egress']]]],
    ['ingress rules, Egress only', np('p', '{podSelector: {}, policyTypes: [Egress], ingress: [{}], egress: [{}]}'), [[0, ['spec', 'ingress']]]],
  ]);
});

test('netpol/null-selector', () => {
  assertRuleCases(nullSelector, [
    ['explicit {}', np('p', '{podSelector: {}, egress: [{to: [{namespaceSelector: {}}]}]}'), []],
    ['seed 003 matchLabels with no value', np('p', '\n  podSelector: {matchLabels: {app: ui}}\n  egress:\n    - to:\n        - namespaceSelector:\n            matchLabels:\n          podSelector:\n            matchLabels: {a: b}'), [[0, ['spec', 'egress', 0, 'to', 0, 'namespaceSelector', 'matchLabels']]]],
    ['podSelector with no value', np('p', '\n  podSelector:\n  policyTypes: [Ingress]'), [[0, ['spec', 'podSelector']]]],
    ['null beside real terms is harmless', np('p', '{podSelector: {matchLabels: null, matchExpressions: [{key: a, operator: Exists}]}}'), []],
  ]);
});

test('netpol/named-port-undeclared', () => {
  const web = deployment('web', '{app: web}', ['http:8080', 'metrics:9090/UDP']);
  assertRuleCases(namedPortUndeclared, [
    ['declared', `${web}${np('p', '{podSelector: {matchLabels: {app: web}}, ingress: [{ports: [{port: http}]}]}')}`, []],
    ['undeclared', `${web}${np('p', '{podSelector: {matchLabels: {app: web}}, ingress: [{ports: [{port: 80}, {port: https}]}]}')}`, [[1, ['spec', 'ingress', 0, 'ports', 1, 'port']]]],
    ['wrong protocol', `${web}${np('p', '{podSelector: {matchLabels: {app: web}}, ingress: [{ports: [{port: metrics}]}]}')}`, [[1, ['spec', 'ingress', 0, 'ports', 0, 'port']]]],
    ['egress looks at every workload', `${web}${np('p', '{podSelector: {matchLabels: {app: other}}, egress: [{ports: [{port: http}, {port: grpc}]}]}')}`, [[1, ['spec', 'egress', 0, 'ports', 1, 'port']]]],
    ['no workloads: not checked', np('p', '{podSelector: {}, ingress: [{ports: [{port: https}]}]}'), []],
  ]);
});

test('netpol/duplicate-policy', () => {
  assertRuleCases(duplicatePolicy, [
    ['distinct', `${np('a', '{podSelector: {}}')}${np('b', '{podSelector: {}, policyTypes: [Egress]}')}`, []],
    ['same name, same namespace', `${np('a', '{podSelector: {}}')}${np('a', '{podSelector: {}, policyTypes: [Egress]}')}`, [[1, ['metadata', 'name']]]],
    ['same name, other namespace', `${np('a', '{podSelector: {}}')}${np('a', '{podSelector: {}}', 'other')}`, []],
    ['same effect, other name (key order and defaulting ignored)', `${np('a', '{podSelector: {matchLabels: {x: "1", y: "2"}}, ingress: [{ports: [{port: 80}]}]}')}${np('b', '{ingress: [{ports: [{port: 80, protocol: TCP}]}], podSelector: {matchLabels: {y: "2", x: "1"}}, policyTypes: [Ingress]}')}`, [[1, ['spec']]]],
  ]);
});

test('netpol/ipblock-covers-cluster', () => {
  const egress = (block: string) => np('p', `{podSelector: {}, egress: [{to: [{ipBlock: ${block}}]}]}`);
  const cluster = { clusterCIDRs: ['10.0.0.0/8', 'fd00::/8'] };
  assertRuleCases(ipBlockCoversCluster, [
    ['excepted', egress('{cidr: 0.0.0.0/0, except: [10.0.0.0/8, 192.168.0.0/16]}'), [], cluster],
    ['internet without except', egress('{cidr: 0.0.0.0/0}'), [[0, ['spec', 'egress', 0, 'to', 0, 'ipBlock', 'cidr']]], cluster],
    ['pod IPs by ipBlock', egress('{cidr: 10.1.2.0/24}'), [[0, ['spec', 'egress', 0, 'to', 0, 'ipBlock', 'cidr']]], cluster],
    ['outside', egress('{cidr: 192.168.5.10/32}'), [], cluster],
    ['IPv6', egress('{cidr: "::/0", except: ["fd00::/16"]}'), [[0, ['spec', 'egress', 0, 'to', 0, 'ipBlock', 'cidr']]], cluster],
    ['no clusterCIDRs configured', egress('{cidr: 0.0.0.0/0}'), []],
  ]);
});

test.run();
