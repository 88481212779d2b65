import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseAllDocuments } from 'yaml';
import { DEFAULT_CONFIG } from '../../../src/config/sections';
import type { Config } from '../../../src/config/types';
import { dnsTransform } from '../../../src/transform/dns';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { readNetworkPolicy } from '../../../src/netpol/read';
import { dnsTarget, missingDnsProtocols } from '../../../src/transform/dns/covers';
import { implicitNamespace } from '../../../src/netpol/workload';
import { runTransforms } from '../items';

const config: Config = { ...DEFAULT_CONFIG, dns: { ...DEFAULT_CONFIG.dns, ensure: true } };

function run(source: string) {
  return runTransforms([dnsTransform], source, config);
}

function policy(name: string, spec: string): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ui\nspec:\n${spec}`;
}

const DEFAULT_DENY = policy('default-deny', '  podSelector:\n    matchLabels: {}\n  policyTypes:\n    - Egress\n');

test('a default-deny egress gets UDP and TCP 53 to kube-dns, hardened', () => {
  const { findings, output } = run(DEFAULT_DENY);
  assert.equal(findings.map((f) => [f.ruleId, f.severity, f.path]), [['netpol-guard/dns-ensure', 'info', ['spec', 'egress', 0]]]);
  const rule = (parseAllDocuments(output)[0]!.toJS() as any).spec.egress[0];
  assert.equal(rule, {
    to: [
      {
        namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['kube-system'] }] },
        podSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] },
      },
    ],
    ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }],
  });
  const again = run(output);
  assert.is(again.findings.length, 0);
  assert.is(again.output, output);
});

test('UDP 53 alone is the trap: TCP 53 joins the rule that reaches kube-dns', () => {
  const source = policy(
    'udp-only',
    `  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: kube-system
          podSelector:
            matchLabels:
              k8s-app: kube-dns
      ports:
        - protocol: UDP
          port: 53
`,
  );
  const { findings } = run(source);
  assert.equal(findings.map((f) => f.path), [['spec', 'egress', 0, 'ports', 1]]);
});

test('DNS already open (any peer on 53, or kube-dns on every port) is left alone', () => {
  const anyPeer = policy('sidecar', '  podSelector: {}\n  egress:\n    - to:\n      ports:\n        - { protocol: TCP, port: 53 }\n        - { protocol: UDP, port: 53 }\n');
  const allPorts = policy(
    'namespace-default',
    '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - namespaceSelector: {}\n          podSelector:\n            matchLabels:\n              k8s-app: kube-dns\n',
  );
  const kubeSystem = policy(
    'allow-ui-egress',
    '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - namespaceSelector:\n            matchLabels:\n              kubernetes.io/metadata.name: kube-system\n',
  );
  for (const source of [anyPeer, allPorts, kubeSystem]) {
    const { findings, touched } = run(source);
    assert.is(findings.length, 0);
    assert.is(touched.size, 0);
  }
});

test('an ipBlock or a named port does not count as DNS access', () => {
  const source = policy(
    'ip',
    '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - ipBlock: { cidr: 0.0.0.0/0 }\n    - ports:\n        - { protocol: UDP, port: dns }\n        - { protocol: TCP, port: dns-tcp }\n',
  );
  assert.equal(run(source).findings.map((f) => f.path), [['spec', 'egress', 2]]);
});

test('policies that do not isolate egress are not touched', () => {
  const { findings, touched } = run(policy('ingress', '  podSelector: {}\n  policyTypes: [Ingress]\n'));
  assert.is(findings.length, 0);
  assert.is(touched.size, 0);
});

test('DNS namespace labels come from the Namespace in the list', () => {
  const custom: Config = { ...config, dns: { ensure: true, namespace: 'dns', podLabels: { app: 'coredns' } } };
  const source = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dns\n  labels:\n    role: dns\n---\n${policy(
    'p',
    '  podSelector: {}\n  policyTypes: [Egress]\n  egress:\n    - to:\n        - namespaceSelector:\n            matchLabels:\n              role: dns\n          podSelector:\n            matchLabels:\n              app: coredns\n',
  )}`;
  assert.is(runTransforms([dnsTransform], source, custom).findings.length, 0);
});

const dnsPeer = fc.constantFrom(
  { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } }, podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
  { namespaceSelector: {} },
  { podSelector: { matchLabels: { app: 'web' } } },
  { ipBlock: { cidr: '10.0.0.0/8' } },
);
const dnsPort = fc.constantFrom({ port: 53, protocol: 'UDP' }, { port: 53 }, { port: 50, endPort: 60, protocol: 'UDP' }, { port: 443 }, { protocol: 'TCP' });
const egressRule = fc.record({ to: fc.array(dnsPeer, { maxLength: 2 }), ports: fc.array(dnsPort, { maxLength: 3 }) }, { requiredKeys: [] });

test('law: after dns.ensure every egress-isolating policy opens UDP and TCP 53 to kube-dns; again changes nothing', () => {
  fc.assert(
    fc.property(fc.array(egressRule, { maxLength: 3 }), fc.constantFrom(['Egress'], ['Ingress'], undefined), (egress, policyTypes) => {
      const spec = { podSelector: {}, egress, ...(policyTypes === undefined ? {} : { policyTypes }) };
      const source = stringify({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace: 'ui' }, spec });
      const once = run(source).output;
      const policy = readNetworkPolicy(parse(once), 'ui');
      assert.ok(policy);
      const target = dnsTarget(config.dns, implicitNamespace('kube-system').labels);
      if (policy.isolates.egress) assert.equal(missingDnsProtocols(policy, target), []);
      else assert.is(once, source);
      assert.is(run(once).output, once);
    }),
    { numRuns: 100 },
  );
});

test.run();
