import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyzeCommand } from '../../src/analyze';
import { deployment, namespace, policy, toItems } from './fixtures';

function lines(objects: readonly object[], ipBlocksMatchPods = false): string[] {
  return analyzeCommand(toItems(...objects), { format: 'txt', ipBlocksMatchPods }).split('\n').filter(Boolean);
}

const A = deployment('x', 'a', { app: 'a' }, [80]);
const B = deployment('x', 'b', { app: 'b' }, [[8080, 'http'], [53, 'dns', 'UDP']]);
const C = deployment('y', 'c', { app: 'c' }, [80]);
const NS = [namespace('x', { team: 'x' }), namespace('y', { team: 'y' })];

test('no policy: everything reaches everything, external included', () => {
  assert.equal(lines([A, B]), [
    '0.0.0.0-255.255.255.255[External] => x/a[Deployment] : All Connections',
    '0.0.0.0-255.255.255.255[External] => x/b[Deployment] : All Connections',
    'x/a[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
    'x/a[Deployment] => x/b[Deployment] : All Connections',
    'x/b[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
    'x/b[Deployment] => x/a[Deployment] : All Connections',
  ]);
});

test('policyTypes defaulting: ingress rules only isolate ingress; egress rules isolate both', () => {
  const ingressOnly = policy('x', 'p', { podSelector: { matchLabels: { app: 'b' } }, ingress: [] });
  assert.not.ok(lines([A, B, ingressOnly]).some((l) => l.endsWith('=> x/b[Deployment] : All Connections')));
  assert.ok(lines([A, B, ingressOnly]).includes('x/b[Deployment] => x/a[Deployment] : All Connections'));
  const withEgress = policy('x', 'p', { podSelector: { matchLabels: { app: 'b' } }, egress: [{ ports: [{ port: 80 }] }] });
  const out = lines([A, B, withEgress]);
  assert.ok(out.includes('x/b[Deployment] => x/a[Deployment] : TCP 80'));
  assert.not.ok(out.some((l) => l.includes('=> x/b[Deployment]')), 'ingress isolated with no rules');
});

test('from: [] and an absent from both admit every peer; ingress: [] admits none', () => {
  for (const rule of [{ from: [] }, {}]) {
    const out = lines([A, B, C, ...NS, policy('x', 'p', { podSelector: { matchLabels: { app: 'b' } }, ingress: [rule] })]);
    assert.ok(out.includes('y/c[Deployment] => x/b[Deployment] : All Connections'));
    assert.ok(out.includes('0.0.0.0-255.255.255.255[External] => x/b[Deployment] : All Connections'));
  }
  const none = lines([A, B, policy('x', 'p', { podSelector: { matchLabels: { app: 'b' } }, policyTypes: ['Ingress'], ingress: [] })]);
  assert.not.ok(none.some((l) => l.includes('=> x/b')));
});

test('podSelector alone means the policy namespace; with a namespaceSelector both must match', () => {
  const C2 = deployment('y', 'a2', { app: 'a' });
  const alone = lines([A, B, C2, ...NS, policy('x', 'p', { podSelector: { matchLabels: { app: 'b' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'a' } } }] }] })]);
  assert.ok(alone.includes('x/a[Deployment] => x/b[Deployment] : All Connections'));
  assert.not.ok(alone.some((l) => l.startsWith('y/a2[Deployment] => x/b')));
  const and = lines([A, B, C, C2, ...NS, policy('x', 'p', { podSelector: { matchLabels: { app: 'b' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'y' } }, podSelector: { matchLabels: { app: 'a' } } }] }] })]);
  assert.equal(and.filter((l) => l.includes('=> x/b')), ['y/a2[Deployment] => x/b[Deployment] : All Connections']);
  const or = lines([A, B, C, C2, ...NS, policy('x', 'p', { podSelector: { matchLabels: { app: 'b' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'y' } } }, { podSelector: { matchLabels: { app: 'a' } } }] }] })]);
  assert.equal(or.filter((l) => l.includes('=> x/b')), [
    'x/a[Deployment] => x/b[Deployment] : All Connections',
    'y/a2[Deployment] => x/b[Deployment] : All Connections',
    'y/c[Deployment] => x/b[Deployment] : All Connections',
  ]);
});

test('an absent Namespace still carries kubernetes.io/metadata.name', () => {
  const out = lines([A, C, policy('x', 'p', { podSelector: {}, ingress: [{ from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'y' } } }] }] })]);
  assert.equal(out.filter((l) => l.includes('=> x/a')), ['y/c[Deployment] => x/a[Deployment] : All Connections']);
});

test('named ports resolve per destination pod and protocol; endPort gives ranges', () => {
  const p = policy('x', 'p', {
    podSelector: {},
    ingress: [{ ports: [{ port: 'http' }, { port: 'dns', protocol: 'UDP' }, { port: 'dns' }, { port: 9000, endPort: 9010, protocol: 'SCTP' }] }],
  });
  const out = lines([A, B, p]);
  assert.ok(out.includes('x/a[Deployment] => x/b[Deployment] : SCTP 9000-9010,TCP 8080,UDP 53'));
  assert.ok(out.includes('x/b[Deployment] => x/a[Deployment] : SCTP 9000-9010'));
});

test('egress at the source AND ingress at the destination', () => {
  const egress = policy('x', 'e', { podSelector: { matchLabels: { app: 'a' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 8080 }, { port: 9090 }] }] });
  const ingress = policy('x', 'i', { podSelector: { matchLabels: { app: 'b' } }, ingress: [{ ports: [{ port: 8080 }, { port: 7070 }] }] });
  assert.ok(lines([A, B, egress, ingress]).includes('x/a[Deployment] => x/b[Deployment] : TCP 8080'));
});

test('ipBlock with except splits the external space at every boundary', () => {
  const p = policy('x', 'p', { podSelector: { matchLabels: { app: 'a' } }, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16'] } }] }] });
  const out = lines([A, p]).filter((l) => l.startsWith('x/a'));
  assert.equal(out, [
    'x/a[Deployment] => 10.0.0.0-10.0.255.255[External] : All Connections',
    'x/a[Deployment] => 10.2.0.0-10.255.255.255[External] : All Connections',
  ]);
});

test('ipBlocks match pod IPs only when asked', () => {
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db', namespace: 'x', labels: { app: 'db' } }, spec: { containers: [] }, status: { podIP: '10.0.0.7' } };
  const p = policy('x', 'p', { podSelector: { matchLabels: { app: 'db' } }, ingress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/24' } }] }] });
  assert.not.ok(lines([A, pod, p]).includes('x/a[Deployment] => x/db[Pod] : All Connections'));
  const apod = { ...pod, metadata: { name: 'a', namespace: 'x', labels: { app: 'a' } }, status: { podIP: '10.0.0.8' } };
  assert.ok(lines([apod, pod, p], true).includes('x/a[Pod] => x/db[Pod] : All Connections'));
  assert.not.ok(lines([apod, pod, p], false).includes('x/a[Pod] => x/db[Pod] : All Connections'));
});

test('with pod IPs on, each ipBlock admits the pods whose IP it holds', () => {
  const pod = (name: string, ip: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'x', labels: { app: name } }, spec: { containers: [] }, status: { podIP: ip } });
  const p = policy('x', 'p', {
    podSelector: { matchLabels: { app: 'db' } },
    ingress: [
      { from: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ port: 1 }] },
      { from: [{ ipBlock: { cidr: '192.168.0.0/24' } }], ports: [{ port: 2 }] },
    ],
  });
  assert.equal(lines([pod('a', '10.0.0.8'), pod('b', '192.168.0.9'), pod('db', '10.9.9.9'), p], true).filter((l) => l.startsWith('x/') && l.includes('=> x/db')), [
    'x/a[Pod] => x/db[Pod] : TCP 1',
    'x/b[Pod] => x/db[Pod] : TCP 2',
  ]);
});

test('IPv6 ipBlocks add IPv6 ranges', () => {
  const p = policy('x', 'p', { podSelector: {}, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '2001:db8::/32' } }] }] });
  assert.equal(lines([A, p]).filter((l) => l.startsWith('x/a')), ['x/a[Deployment] => 2001:db8::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External] : All Connections']);
});

test('pods are reported under their controller; replicas collapse', () => {
  const pod = (name: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'x', labels: { app: 'w' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'w-123', uid: 'u', controller: true }] },
    spec: { containers: [] },
  });
  assert.equal(lines([pod('w-123-a'), pod('w-123-b'), A]).filter((l) => l.startsWith('x/w')), [
    'x/w-123[ReplicaSet] => 0.0.0.0-255.255.255.255[External] : All Connections',
    'x/w-123[ReplicaSet] => x/a[Deployment] : All Connections',
  ]);
});

test('List kinds are flattened, typed lists supply the kind of their items', () => {
  const list = { apiVersion: 'v1', kind: 'List', items: [A, B] };
  const policies = { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicyList', items: [{ metadata: { name: 'deny', namespace: 'x' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } }] };
  assert.equal(lines([list, policies]).filter((l) => l.includes('=> x/')), []);
});

test.run();
