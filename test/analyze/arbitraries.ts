/** Test helper: fast-check generators of small clusters (namespaces, workloads, policies). */
import fc from 'fast-check';
import { deployment, namespace, policy, type PortSpec } from './fixtures';

const NAMESPACES = ['n1', 'n2'];
const label = fc.record({ app: fc.constantFrom('a', 'b', 'c'), tier: fc.constantFrom('x', 'y') }, { requiredKeys: ['app'] });
const portSpec: fc.Arbitrary<PortSpec> = fc.constantFrom<PortSpec>(80, [8080, 'http'], [53, 'dns', 'UDP'], [8443, 'http', 'SCTP'], [9090, 'metrics']);

/** A Deployment with a few labels and ports, in one of two namespaces. */
export const workloadArb = fc
  .record({ ns: fc.constantFrom(...NAMESPACES), name: fc.constantFrom('w1', 'w2', 'w3', 'w4', 'w5', 'w6'), labels: label, ports: fc.uniqueArray(portSpec, { maxLength: 3 }) })
  .map((w) => deployment(w.ns, w.name, w.labels, w.ports));

/** A bare Pod with an IP (for ipBlocksMatchPods), same labels and ports as workloads. */
export const podArb = fc
  .record({ ns: fc.constantFrom(...NAMESPACES), name: fc.constantFrom('p1', 'p2', 'p3'), labels: label, ip: fc.constantFrom('10.0.0.5', '10.1.0.5', '192.168.5.10', '172.16.0.1') })
  .map((p) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: p.name, namespace: p.ns, labels: p.labels }, spec: { containers: [{ name: 'c', ports: [{ containerPort: 8080, name: 'http' }] }] }, status: { podIP: p.ip } }));

const selector = fc.oneof(
  fc.constant({}),
  label.map((matchLabels) => ({ matchLabels })),
  fc.record({ matchExpressions: fc.array(fc.record({ key: fc.constantFrom('app', 'tier', 'team'), operator: fc.constantFrom('In', 'NotIn'), values: fc.uniqueArray(fc.constantFrom('a', 'b', 'x', 'n1'), { minLength: 1, maxLength: 2 }) }), { maxLength: 2 }) }),
  fc.record({ matchExpressions: fc.array(fc.record({ key: fc.constantFrom('app', 'tier', 'team'), operator: fc.constantFrom('Exists', 'DoesNotExist') }), { minLength: 1, maxLength: 1 }) }),
);

const peer = fc.oneof(
  fc.record({ podSelector: selector }),
  fc.record({ namespaceSelector: selector }),
  fc.record({ namespaceSelector: selector, podSelector: selector }),
  fc.record({ ipBlock: fc.constantFrom({ cidr: '10.0.0.0/8' }, { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] }, { cidr: '0.0.0.0/0', except: ['192.168.0.0/16'] }, { cidr: '192.168.5.10/32' }) }),
);

const port = fc.oneof(
  fc.record({ port: fc.constantFrom(80, 53, 8080, 9090) }, { requiredKeys: [] }),
  fc.record({ port: fc.constantFrom('http', 'dns', 'metrics'), protocol: fc.constantFrom('TCP', 'UDP', 'SCTP') }),
  fc.record({ port: fc.constant(8000), endPort: fc.constantFrom(8080, 9000), protocol: fc.constantFrom('TCP', 'UDP') }),
  fc.record({ protocol: fc.constantFrom('UDP', 'SCTP') }),
);

function rule(key: 'from' | 'to'): fc.Arbitrary<object> {
  return fc.record({ [key]: fc.array(peer, { maxLength: 3 }), ports: fc.array(port, { maxLength: 3 }) }, { requiredKeys: [] });
}

/** A valid NetworkPolicy with random selectors, policyTypes, peers and ports. */
export function policyArb(name: string): fc.Arbitrary<object> {
  return fc
    .record({
      ns: fc.constantFrom(...NAMESPACES),
      podSelector: selector,
      policyTypes: fc.constantFrom(undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
      ingress: fc.option(fc.array(rule('from'), { maxLength: 2 }), { nil: undefined }),
      egress: fc.option(fc.array(rule('to'), { maxLength: 2 }), { nil: undefined }),
    })
    .map(({ ns, policyTypes, ingress, egress, podSelector }) =>
      policy(ns, name, {
        podSelector,
        ...(policyTypes === undefined ? {} : { policyTypes }),
        ...(ingress === undefined ? {} : { ingress }),
        ...(egress === undefined ? {} : { egress }),
      }),
    );
}

/** Namespaces n1 and n2 with team labels, workloads and up to `maxPolicies` policies. */
export function clusterArb(maxPolicies = 4): fc.Arbitrary<{ base: object[]; policies: object[] }> {
  return fc
    .record({
      workloads: fc.uniqueArray(fc.oneof(workloadArb, workloadArb, podArb), { minLength: 1, maxLength: 6, selector: (w) => JSON.stringify([(w as { kind: string }).kind, (w as { metadata: { name: string; namespace: string } }).metadata.name, (w as { metadata: { namespace: string } }).metadata.namespace]) }),
      policies: fc.array(fc.nat(), { maxLength: maxPolicies }).chain((ids) => fc.tuple(...ids.map((_, i) => policyArb(`p${i}`)))),
    })
    .map(({ workloads, policies }) => ({
      base: [namespace('n1', { team: 'n1' }), namespace('n2', { team: 'x' }), ...workloads],
      policies,
    }));
}
