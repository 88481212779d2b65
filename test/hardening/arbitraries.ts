/** Random Kubernetes objects for the hardening properties: valid, broken and odd ones (not a test). */
import fc from 'fast-check';

/** Keys that reach Object.prototype when code treats input maps as plain objects. */
export const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/** A plain object built with defineProperty, so `__proto__` stays an ordinary own key. */
export function objectOf(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}

const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('app', 'tier', 'team', 'kubernetes.io/metadata.name', 'example.com/role', 'a.b') },
  { weight: 2, arbitrary: fc.constantFrom(...PROTO_KEYS) },
  { weight: 2, arbitrary: fc.constantFrom('x y', 'yes', '0', '-', '#c', '*a', '&a', '!t', '"q"', "'", '', ': ', '[', '{}') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 4, unit: 'grapheme' }) },
);
const odd = fc.constantFrom<unknown>(null, 'str', 42, -1, true, [], {}, [1, 'a'], { a: 1 }, 1.5);
const word = fc.constantFrom('a', 'b', 'web', 'db', 'kube-system', 'default');
const scalar = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 2, arbitrary: fc.constantFrom<unknown>('', 'yes', 'no', '~', '0x1f', '1e3', '- a', 'a: b', '# x', '"', "'", '*a', '&a', '|', '>', '{', '[', 'a\nb', 'x\n  - y\n', '---', '...', '\t', ...PROTO_KEYS) },
  { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 6 }), fc.string({ maxLength: 4, unit: 'grapheme' }), fc.integer(), fc.boolean(), fc.constant(null)) },
);

function maybeOdd<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary }, { weight: 1, arbitrary: odd });
}

function mapOf(keys: fc.Arbitrary<string>, values: fc.Arbitrary<unknown>, maxLength = 3): fc.Arbitrary<Record<string, unknown>> {
  return fc.uniqueArray(fc.tuple(keys, values), { maxLength, selector: ([k]) => k }).map(objectOf);
}

const labels = mapOf(key, scalar);
const expression = fc.record(
  { key, operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist', 'in', 'Bogus'), values: maybeOdd(fc.array(scalar, { maxLength: 2 })) },
  { requiredKeys: ['key'] },
);
const selector = fc.oneof(
  { weight: 2, arbitrary: fc.constant({}) },
  { weight: 4, arbitrary: fc.record({ matchLabels: maybeOdd(labels), matchExpressions: maybeOdd(fc.array(expression, { maxLength: 2 })) }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: odd },
);
const port = fc.record(
  {
    protocol: fc.constantFrom<unknown>('TCP', 'UDP', 'SCTP', 'tcp', 'ICMP', 6),
    port: fc.oneof(fc.integer({ min: -1, max: 70000 }), fc.constantFrom('http', 'dns', '53', '-1', '')),
    endPort: fc.integer({ min: 0, max: 70000 }),
  },
  { requiredKeys: [] },
);
const ipBlock = fc.record(
  { cidr: fc.constantFrom<unknown>('10.0.0.0/8', '0.0.0.0/0', '::/0', '10.0.0.1/33', 'fd00::/8', 'garbage', '1.2.3.4', 7), except: maybeOdd(fc.array(fc.constantFrom('10.1.0.0/16', '10.0.0.0/8', 'bad'), { maxLength: 2 })) },
  { requiredKeys: ['cidr'] },
);
const peer = fc.record({ podSelector: selector, namespaceSelector: selector, ipBlock: maybeOdd(ipBlock) }, { requiredKeys: [] });
const rule = (direction: 'from' | 'to') =>
  fc.record({ [direction]: maybeOdd(fc.array(peer, { maxLength: 2 })), ports: maybeOdd(fc.array(port, { maxLength: 2 })) } as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] });
const policySpec = fc.record(
  {
    podSelector: selector,
    policyTypes: maybeOdd(fc.subarray(['Ingress', 'Egress', 'ingress', 'Other'])),
    ingress: maybeOdd(fc.array(rule('from'), { maxLength: 2 })),
    egress: maybeOdd(fc.array(rule('to'), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);

/** Annotations a careless function would trust: paths, function specs, exec. */
const annotations = mapOf(
  fc.constantFrom('config.kubernetes.io/path', 'config.kubernetes.io/index', 'internal.config.kubernetes.io/path', 'config.kubernetes.io/function', 'internal.config.kubernetes.io/seqindent', 'a.b/c'),
  fc.constantFrom<unknown>('/etc/passwd', '../../x', 'a.yaml', '0', '-1', 'wide', 'compact', 'exec:\n  path: /bin/sh\n', 'container: {image: evil}', 3),
  2,
);
const metadata = fc.record({ namespace: fc.constantFrom<unknown>('a', 'b', 'kube-system', '', 5), labels: maybeOdd(labels), annotations: maybeOdd(annotations) }, { requiredKeys: [] });

const networkPolicy = fc.record({
  apiVersion: fc.oneof({ weight: 8, arbitrary: fc.constant<unknown>('networking.k8s.io/v1') }, { weight: 1, arbitrary: fc.constantFrom<unknown>('extensions/v1beta1', null, 1) }),
  kind: fc.constant('NetworkPolicy'),
  metadata,
  spec: maybeOdd(policySpec),
});
const namespace = fc.record({ apiVersion: fc.constant('v1'), kind: fc.constant('Namespace'), metadata: fc.record({ labels: maybeOdd(labels) }, { requiredKeys: [] }) });
const container = fc.record({ name: fc.constant('c'), ports: maybeOdd(fc.array(fc.record({ containerPort: fc.integer({ min: 0, max: 70000 }), name: fc.constantFrom('http', 'dns', 'x'), protocol: fc.constantFrom('TCP', 'UDP') }, { requiredKeys: ['containerPort'] }), { maxLength: 2 })) }, { requiredKeys: ['name'] });
const workload = fc.record({
  apiVersion: fc.constant('apps/v1'),
  kind: fc.constantFrom('Deployment', 'StatefulSet', 'DaemonSet'),
  metadata,
  spec: maybeOdd(fc.record({ selector: fc.record({ matchLabels: labels }), template: fc.record({ metadata: fc.record({ labels }), spec: fc.record({ containers: fc.array(container, { maxLength: 2 }) }) }) })),
});
const anyValue = fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), mapOf(key, tie('node'))) })).node;
const unrelated = fc.record({ apiVersion: fc.constantFrom('v1', 'example.com/v1'), kind: fc.constantFrom('ConfigMap', 'Widget', 'Service'), metadata, data: anyValue }, { requiredKeys: ['apiVersion', 'kind'] });

/** One object of the kinds the function reads (and some it does not); names are set by `resources`. */
export const resource: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 4, arbitrary: networkPolicy },
  { weight: 1, arbitrary: namespace },
  { weight: 2, arbitrary: workload },
  { weight: 1, arbitrary: unrelated },
);

/** A few objects with unique names (so tests can tell them apart), or no metadata now and then. */
export const resources: fc.Arbitrary<Record<string, unknown>[]> = fc.array(fc.tuple(resource, fc.nat(9)), { maxLength: 6 }).map((pairs) =>
  pairs.map(([item, coin], i) => {
    if (coin === 0) return objectOf(Object.entries(item).filter(([k]) => k !== 'metadata'));
    const meta = typeof item.metadata === 'object' && item.metadata !== null ? item.metadata : {};
    return { ...item, metadata: objectOf([['name', `${String(item.kind).toLowerCase()}-${i}`], ...Object.entries(meta)]) };
  }),
);

const grant = fc.constantFrom<unknown>(
  { name: 'pg', ports: [{ port: 5432 }], to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'db' } } }], mergeInto: { policySelector: { matchLabels: { app: 'a' } } } },
  { name: 'gen', ports: [{ port: 443 }], to: [{ ipBlock: { cidr: '10.0.0.0/8' } }], generate: { name: 'gen-egress', namespace: 'a', podSelector: { matchLabels: { app: 'a' } } } },
  { name: 'merge', ports: [{ port: 9092, endPort: 9094 }], mergeInto: { name: 'networkpolicy-0', namespace: 'a' } },
  { name: '__proto__', ports: [{ port: 1 }], mergeInto: { policySelector: { matchLabels: objectOf([['__proto__', 'x']]) } } },
);
/** Grants built from the same odd peers and ports as the policies: many are refused, some apply. */
const randomGrant = fc.record(
  {
    name: word,
    ports: fc.array(port, { minLength: 1, maxLength: 2 }),
    to: fc.array(peer, { maxLength: 2 }),
    mergeInto: fc.record({ name: fc.constantFrom('networkpolicy-0', 'networkpolicy-1'), namespace: fc.constantFrom('a', 'b'), policySelector: selector }, { requiredKeys: [] }),
  },
  { requiredKeys: ['name', 'ports'] },
);
const expectation = fc.record({ from: fc.constantFrom('a/deployment-1', 'Deployment:a/deployment-2', '10.0.0.1', '__proto__', 'constructor/prototype'), to: fc.constantFrom('a/statefulset-3', '0.0.0.0/0', 'b/x'), port: fc.integer({ min: 1, max: 65535 }), allowed: fc.boolean() }, { requiredKeys: ['from', 'to', 'allowed'] });
const typedConfig = fc.record({
  apiVersion: fc.constant('netpol-guard.dev/v1alpha1'),
  kind: fc.constant('NetpolGuard'),
  metadata: fc.constant({ name: 'cfg', annotations: { 'config.kubernetes.io/function': 'exec:\n  path: /bin/sh\n', 'config.kubernetes.io/path': '/etc/passwd' } }),
  spec: fc.record(
    {
      selectors: fc.record({ mode: fc.constantFrom('harden', 'strip', 'check', 'off', 'bogus'), stripLabels: fc.array(key, { maxLength: 2 }) }, { requiredKeys: [] }),
      dns: fc.record({ ensure: fc.boolean(), namespace: fc.constantFrom('kube-system', 'a'), podLabels: labels }, { requiredKeys: ['ensure'] }),
      egress: fc.record({ grants: fc.array(fc.oneof(grant, randomGrant), { maxLength: 2 }) }),
      validation: fc.record({ kubernetesVersion: fc.constantFrom('1.25', '1.30', '1.33', 'x'), rules: fc.constantFrom({}, { 'netpol/dns-udp-only': 'off' }, { 'netpol/selects-no-workload': 'error' }), clusterCIDRs: fc.constantFrom([], ['10.0.0.0/8'], ['::/0']) }, { requiredKeys: [] }),
      analysis: fc.record({ summary: fc.boolean(), maxSummaryResults: fc.integer({ min: 0, max: 5 }), ipBlocksMatchPods: fc.boolean() }, { requiredKeys: [] }),
      expectations: fc.array(expectation, { maxLength: 2 }),
    },
    { requiredKeys: [] },
  ),
});
const flatConfig = fc.record({
  apiVersion: fc.constant('v1'),
  kind: fc.constant('ConfigMap'),
  metadata: fc.constant({ name: 'cfg' }),
  data: mapOf(
    fc.constantFrom('selectors.mode', 'dns.ensure', 'selectors.stripLabels', 'validation.rules', '__proto__.x', '__proto__', 'constructor', 'constructor.prototype.x', 'selectors.__proto__', 'prototype', 'expectations', 'toString'),
    fc.constantFrom('harden', 'strip', 'check', 'true', 'env,team', 'netpol/dns-udp-only=off', '[{from: a/b, to: c/d, allowed: true}]', '{polluted: yes}', '__proto__=x', 'x'),
  ),
});

/** No functionConfig, the typed kind, or the flat ConfigMap form (with hostile keys now and then). */
export const functionConfig: fc.Arbitrary<Record<string, unknown> | undefined> = fc.oneof(fc.constant(undefined), typedConfig, flatConfig);
