import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { parse, parseAllDocuments } from 'yaml';
import { DEFAULT_CONFIG } from '../../../src/config/sections';
import type { Config } from '../../../src/config/types';
import type { EgressGrant } from '../../../src/config/sections/egress';
import { readNetworkPolicy } from '../../../src/netpol/read';
import { portCovers } from '../../../src/transform/egress/canonical';
import { readRule } from '../../../src/transform/egress/merge';
import { egressTransform, grantRule } from '../../../src/transform/egress';
import { TRANSFORMS } from '../../../src/transform/registry';
import { runTransforms } from '../items';

const PROXY_ALLOW = `kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  name: proxy-allow
  namespace: apis
  labels:
    app: api
spec:
  podSelector:
    matchLabels:
      app: api
  ingress:
    - from:
        - namespaceSelector: {}
          podSelector: {}
      ports:
        - protocol: TCP
          port: 8080
  egress:
    - to:
      ports:
        - protocol: TCP
          port: 8438
        - protocol: TCP
          port: 443
        - protocol: UDP
          port: 53
  policyTypes:
    - Ingress
    - Egress
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ingress-only
  namespace: apis
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;

function config(grants: EgressGrant[]): Config {
  return { ...DEFAULT_CONFIG, egress: { grants } };
}

function run(source: string, grants: EgressGrant[]) {
  return runTransforms([egressTransform], source, config(grants));
}

function docs(output: string): Record<string, any>[] {
  return parseAllDocuments(output).map((doc) => doc.toJS() as Record<string, any>);
}

const kafka: EgressGrant = { name: 'kafka', ports: [{ port: 9092, endPort: 9094 }], mergeInto: { name: 'proxy-allow' } };

test('ports without peers join the rule that has no peers either', () => {
  const { findings, output } = run(PROXY_ALLOW, [kafka]);
  const grant = findings.filter((f) => f.ruleId === 'netpol-guard/egress-grant');
  assert.equal(grant.map((f) => [f.itemIndex, f.path]), [[0, ['spec', 'egress', 0, 'ports', 3]]]);
  assert.equal(docs(output)[0]!.spec.egress[0].ports[3], { protocol: 'TCP', port: 9092, endPort: 9094 });
});

test('merging is idempotent: a second run changes nothing and takes no document', () => {
  const once = run(PROXY_ALLOW, [kafka]).output;
  const twice = run(once, [kafka]);
  assert.is(twice.output, once);
  assert.is(twice.findings.length, 0);
  assert.is(twice.touched.size, 0);
});

test('a port listed twice in a grant is written once', () => {
  const { output } = run(PROXY_ALLOW, [{ ports: [{ port: 5432 }, { port: 5432, protocol: 'TCP' }], to: [{ ipBlock: { cidr: '10.0.0.0/8' } }], mergeInto: { name: 'proxy-allow' } }]);
  assert.equal(docs(output)[0]!.spec.egress[1].ports, [{ protocol: 'TCP', port: 5432 }]);
});

test('a port an entry of the same rule already opens is not added again', () => {
  const { findings } = run(PROXY_ALLOW, [{ ports: [{ port: 443 }, { port: 53, protocol: 'UDP' }], mergeInto: { name: 'proxy-allow' } }]);
  assert.is(findings.length, 0);
});

test('ports to other peers become a new rule, its selectors written as matchExpressions', () => {
  const grant: EgressGrant = {
    name: 'postgres',
    ports: [{ port: 5432 }],
    to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'db' } }, podSelector: { matchLabels: { app: 'postgres' } } }],
    mergeInto: { namespace: 'apis', policySelector: { matchLabels: { app: 'api' } } },
  };
  const { findings, output } = run(PROXY_ALLOW, [grant]);
  assert.equal(findings.filter((f) => f.ruleId === 'netpol-guard/egress-grant').map((f) => f.path), [['spec', 'egress', 1]]);
  const rule = docs(output)[0]!.spec.egress[1];
  assert.equal(rule.to[0].podSelector, { matchExpressions: [{ key: 'app', operator: 'In', values: ['postgres'] }] });
  assert.equal(rule.ports, [{ protocol: 'TCP', port: 5432 }]);
  assert.is(run(output, [grant]).findings.length, 0);
});

test('refuses to make a policy isolate egress unless the grant says so', () => {
  const grant: EgressGrant = { ports: [{ port: 5432 }], mergeInto: { name: 'ingress-only' } };
  const refused = run(PROXY_ALLOW, [grant]);
  assert.equal(refused.findings.map((f) => [f.ruleId, f.severity, f.itemIndex, f.path]), [
    ['netpol-guard/egress-policy-types', 'error', 1, ['spec', 'policyTypes']],
  ]);
  assert.is(refused.touched.size, 0);
  const allowed = run(PROXY_ALLOW, [{ ...grant, mergeInto: { name: 'ingress-only', addEgressPolicyType: true } }]);
  assert.equal(allowed.findings.map((f) => f.path), [['spec', 'policyTypes', 1], ['spec', 'egress', 0]]);
  assert.equal(docs(allowed.output)[1]!.spec.policyTypes, ['Ingress', 'Egress']);
});

test('a grant that matches no policy is a warning at its config path', () => {
  const { findings } = run(PROXY_ALLOW, [{ ports: [{ port: 1 }], mergeInto: { name: 'nope' } }]);
  assert.equal(findings.map((f) => [f.ruleId, f.severity, f.itemIndex, f.path]), [
    ['netpol-guard/egress-unmatched', 'warning', -1, ['spec', 'egress', 'grants', 0]],
  ]);
});

const generate: EgressGrant = {
  name: 'orders-db',
  ports: [{ port: 5432 }],
  generate: { name: 'orders-api-egress', namespace: 'apis', podSelector: { matchLabels: { app: 'orders-api' } } },
};

test('generate adds a separate egress policy with kpt path annotations', () => {
  const { findings, output } = run(PROXY_ALLOW, [generate]);
  assert.equal(findings.map((f) => [f.ruleId, f.itemIndex, f.path]), [
    ['netpol-guard/egress-generate', 2, []],
    ['netpol-guard/egress-grant', 2, ['spec', 'egress', 0]],
  ]);
  const policy = docs(output)[2]!;
  assert.equal(policy.metadata.annotations, {
    'config.kubernetes.io/path': 'apis/orders-api-egress.yaml',
    'config.kubernetes.io/index': '0',
    'internal.config.kubernetes.io/path': 'apis/orders-api-egress.yaml',
    'internal.config.kubernetes.io/index': '0',
  });
  assert.equal(policy.spec.podSelector, { matchExpressions: [{ key: 'app', operator: 'In', values: ['orders-api'] }] });
  assert.equal(policy.spec.policyTypes, ['Egress']);
  assert.ok(readNetworkPolicy(policy, ''));
  const again = run(output, [generate]);
  assert.is(again.output, output);
  assert.is(again.findings.length, 0);
});

test('with dns.ensure a generated policy gets DNS at once, so a second run adds nothing', () => {
  const withDns: Config = { ...config([generate]), dns: { ...DEFAULT_CONFIG.dns, ensure: true } };
  const once = runTransforms(TRANSFORMS, PROXY_ALLOW, withDns);
  assert.ok(once.findings.some((f) => f.ruleId === 'netpol-guard/dns-ensure' && f.itemIndex === 2));
  const twice = runTransforms(TRANSFORMS, once.output, withDns);
  assert.is(twice.output, once.output);
  assert.equal(twice.findings, []);
});

test('two grants generating the same policy share it', () => {
  const second: EgressGrant = { ...generate, ports: [{ port: 6379 }] };
  const { output } = run(PROXY_ALLOW, [generate, second]);
  const all = docs(output);
  assert.is(all.length, 3);
  assert.equal(all[2]!.spec.egress[0].ports, [{ protocol: 'TCP', port: 5432 }, { protocol: 'TCP', port: 6379 }]);
});

test('a same-named policy selecting other pods is not extended', () => {
  const clash: EgressGrant = { ...generate, generate: { name: 'proxy-allow', namespace: 'apis', podSelector: { matchLabels: { app: 'x' } } } };
  const { findings, touched } = run(PROXY_ALLOW, [clash]);
  assert.equal(findings.map((f) => [f.ruleId, f.itemIndex]), [['netpol-guard/egress-generate-conflict', 0]]);
  assert.is(touched.size, 0);
});

const port = fc.record(
  { port: fc.integer({ min: 1, max: 70 }), endPort: fc.integer({ min: 0, max: 5 }), protocol: fc.constantFrom('TCP' as const, 'UDP' as const) },
  { requiredKeys: ['port'] },
).map(({ port, endPort, protocol }) => ({
  port,
  ...(endPort === undefined ? {} : { endPort: port + endPort }),
  ...(protocol === undefined ? {} : { protocol }),
}));

test('law: after a merge every granted port is open, and merging again changes nothing', () => {
  fc.assert(
    fc.property(fc.array(port, { minLength: 1, maxLength: 4 }), fc.array(port, { minLength: 1, maxLength: 4 }), (first, second) => {
      const grants: EgressGrant[] = [
        { ports: first, mergeInto: { name: 'proxy-allow' } },
        { ports: second, mergeInto: { name: 'proxy-allow' } },
      ];
      const once = run(PROXY_ALLOW, grants).output;
      const policy = readNetworkPolicy(parse(once.split('---\n')[0]!), '');
      assert.ok(policy);
      for (const grant of grants) {
        const wanted = readRule(grantRule(grant));
        assert.ok(wanted && wanted.ports.kind === 'list');
        const rule = policy.egress[0]!;
        assert.ok(rule.ports.kind === 'list');
        for (const w of wanted.ports.ports) assert.ok(rule.ports.ports.some((have) => portCovers(have, w)));
      }
      assert.is(run(once, grants).output, once);
    }),
    { numRuns: 40 },
  );
});

test.run();
