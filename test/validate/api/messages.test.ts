import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { checkNetworkPolicy } from '../../../src/validate/api/check';
import { renderApiError } from '../../../src/validate/api/field-error';

function policy(spec: string, metadata = 'name: p'): unknown {
  return parse(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {${metadata}}\nspec: ${spec}\n`);
}

function messages(value: unknown, minor: number): string[] {
  const version = { major: 1, minor } as const;
  return checkNetworkPolicy(value, version).errors.map((error) => renderApiError(error, version));
}

const KEY_REGEX = "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

test('the server\'s message texts (1.36)', () => {
  const cases: [unknown, string[]][] = [
    [policy('{ingress: [{ports: [{port: 80}, {port: 80, endPort: 70}]}]}'), ['spec.ingress[0].ports[1].endPort: Invalid value: 70: must be greater than or equal to `port`']],
    [policy('{ingress: [{ports: [{protocol: tcp}]}]}'), ['spec.ingress[0].ports[0].protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"']],
    [policy('{ingress: [{ports: [{port: 0}]}]}'), ['spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']],
    [policy('{ingress: [{ports: [{port: "80"}]}]}'), [
      'spec.ingress[0].ports[0].port: Invalid value: "80": must contain at least one letter (a-z)',
    ]],
    [policy('{ingress: [{ports: [{port: http, endPort: 90}]}]}'), ['spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric']],
    [policy('{ingress: [{ports: [{endPort: 90}]}]}'), ['spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is not specified']],
    [policy('{ingress: [{from: [{}]}]}'), ['spec.ingress[0].from[0]: Required value: must specify a peer']],
    [policy('{egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]}]}'), ['spec.egress[0].to[0]: Forbidden: may not specify both ipBlock and another peer']],
    [policy('{egress: [{to: [{ipBlock: {cidr: ""}}]}]}'), ['spec.egress[0].to[0].ipBlock.cidr: Required value']],
    [policy('{egress: [{to: [{ipBlock: {cidr: 10.0.0.0/33}}]}]}'), ['spec.egress[0].to[0].ipBlock.cidr: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)']],
    [policy('{egress: [{to: [{ipBlock: {cidr: 010.0.0.0/8}}]}]}'), ['spec.egress[0].to[0].ipBlock.cidr: Invalid value: "010.0.0.0/8": must not have leading 0s in IP or prefix length']],
    [policy('{egress: [{to: [{ipBlock: {cidr: "::ffff:10.0.0.0/104"}}]}]}'), ['spec.egress[0].to[0].ipBlock.cidr: Invalid value: "::ffff:10.0.0.0/104": must not have an IPv4-mapped IPv6 address']],
    [policy('{egress: [{to: [{ipBlock: {cidr: 10.0.0.1/8}}]}]}'), ['spec.egress[0].to[0].ipBlock.cidr: Invalid value: "10.0.0.1/8": must not have bits set beyond the prefix length']],
    [policy('{egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}}]}]}'), ['spec.egress[0].to[0].ipBlock.except[0]: Invalid value: "10.0.0.0/8": must be a strict subset of `cidr`']],
    [policy('{policyTypes: [Ingress, Egress, Ingress]}'), ['spec.policyTypes: Invalid value: ["Ingress","Egress","Ingress"]: may not specify more than two policyTypes']],
    [policy('{policyTypes: [egress]}'), ['spec.policyTypes[0]: Unsupported value: "egress": supported values: "Ingress", "Egress"']],
    [policy('{podSelector: {matchExpressions: [{key: a, operator: in, values: [x]}]}}'), ['spec.podSelector.matchExpressions[0].operator: Invalid value: "in": not a valid selector operator']],
    [policy('{podSelector: {matchExpressions: [{key: a, operator: In}]}}'), ["spec.podSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"]],
    [policy('{podSelector: {matchExpressions: [{key: a, operator: Exists, values: [x]}]}}'), ["spec.podSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"]],
    [policy('{podSelector: {matchLabels: {"a/b/c": x}}}'), [`spec.podSelector.matchLabels: Invalid value: "a/b/c": a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character ${KEY_REGEX} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`]],
    [policy('{podSelector: {matchLabels: {"/a": x}}}'), ['spec.podSelector.matchLabels: Invalid value: "/a": prefix part must be non-empty']],
    [policy(`{podSelector: {matchLabels: {a: ${'v'.repeat(64)}}}}`), [`spec.podSelector.matchLabels: Invalid value: "${'v'.repeat(64)}": must be no more than 63 bytes`]],
    [policy('{}', 'name: a, namespace: a.b'), ['metadata.namespace: Invalid value: "a.b": must not contain dots']],
    [policy('{}', 'namespace: a'), ['metadata.name: Required value: name or generateName is required']],
    [policy('{}', 'name: p, finalizers: [orphan, foregroundDeletion]'), ['metadata.finalizers: Invalid value: ["orphan","foregroundDeletion"]: finalizer orphan and foregroundDeletion cannot be both set']],
    [policy('{}', 'name: p, finalizers: [mine]'), ['metadata.finalizers[0]: Invalid value: "mine": name is neither a standard finalizer name nor is it fully qualified']],
    [policy('{}', 'name: p, ownerReferences: [{apiVersion: v1, kind: Event, name: e, uid: u}]'), ['metadata.ownerReferences: Invalid value: {"apiVersion":"v1","kind":"Event","name":"e","uid":"u"}: /v1, Kind=Event is disallowed from being an owner']],
    [policy('{}', `name: p, annotations: {a: ${'v'.repeat(262144)}}`), ['metadata.annotations: Too long: may not be more than 262144 bytes']],
  ];
  for (const [value, expected] of cases) assert.equal(messages(value, 36), expected);
});

test('decoding messages name the Go struct field and type', () => {
  assert.equal(messages(policy('{ingress: [{form: []}]}'), 36), [
    'NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: strict decoding error: unknown field "spec.ingress[0].form"',
  ]);
  assert.equal(messages(policy('{ingress: [{ports: [{endPort: "80"}]}]}'), 36), [
    'NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: json: cannot unmarshal string into Go struct field NetworkPolicyPort.spec.ingress.ports.endPort of type int32',
  ]);
  assert.equal(messages(policy('{podSelector: {matchLabels: {a: true}}}'), 36), [
    'NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: json: cannot unmarshal bool into Go struct field LabelSelector.spec.podSelector.matchLabels of type string',
  ]);
  assert.equal(messages(policy('{ingress: [{ports: [{port: 2147483648}]}]}'), 36), [
    'NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: json: cannot unmarshal number 2147483648 into Go struct field NetworkPolicyPort.spec.ingress.ports.port of type int32',
  ]);
  assert.equal(messages(policy('{ingress: "all"}'), 36), [
    'NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: json: cannot unmarshal string into Go struct field NetworkPolicySpec.spec.ingress of type []v1.NetworkPolicyIngressRule',
  ]);
  assert.equal(messages(policy('{egress: [{to: {namespaceSelector: {}}}]}'), 36), [
    'NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: json: cannot unmarshal object into Go struct field NetworkPolicyEgressRule.spec.egress.to of type []v1.NetworkPolicyPeer',
  ]);
  assert.equal(messages(policy('{policyTypes: [1]}'), 36), [
    'NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: json: cannot unmarshal number into Go struct field NetworkPolicySpec.spec.policyTypes of type v1.PolicyType',
  ]);
});

test('version matrix: wording, bad-value rendering, strict CIDRs, selector values, removed fields', () => {
  const labelKey = policy(`{podSelector: {matchLabels: {"a/b/c": x, b: ${'v'.repeat(64)}}}}`);
  assert.ok(messages(labelKey, 35)[0]!.includes(': a valid label key must consist'));
  assert.ok(messages(labelKey, 34)[0]!.includes(': a qualified name must consist'));
  assert.ok(messages(labelKey, 35)[1]!.endsWith('must be no more than 63 bytes'));
  assert.ok(messages(labelKey, 34)[1]!.endsWith('must be no more than 63 characters'));
  const three = policy('{policyTypes: [Ingress, Egress, Ingress]}');
  assert.equal(messages(three, 33), ['spec.policyTypes: Invalid value: []networking.PolicyType{"Ingress", "Egress", "Ingress"}: may not specify more than two policyTypes']);
  const endPort = policy('{ingress: [{ports: [{port: 80, endPort: 70}]}]}');
  assert.equal(messages(endPort, 35), ['spec.ingress[0].ports[0].endPort: Invalid value: 80: must be greater than or equal to `port`']);
  const sloppy = policy('{ingress: [{from: [{ipBlock: {cidr: 10.0.0.1/8, except: [010.1.0.0/16]}}]}]}');
  assert.equal(messages(sloppy, 36).length, 2);
  for (const minor of [35, 34, 33, 32, 22]) assert.equal(messages(sloppy, minor), [], `1.${minor}`);
  const unparsable = policy('{ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [bad, worse]}}]}]}');
  assert.equal(messages(unparsable, 29), ['spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "bad": not a valid CIDR']);
  assert.equal(messages(unparsable, 30).length, 2);
  const values = policy('{podSelector: {matchExpressions: [{key: a, operator: In, values: ["x y"]}]}}');
  assert.equal(messages(values, 25), []);
  assert.equal(messages(values, 26).length, 1);
  const status = parse('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, clusterName: c}\nstatus: {}');
  assert.equal(messages(status, 24), []);
  assert.equal(messages(status, 26).length, 1);
  assert.equal(messages(status, 27).length, 2);
});

test('warnings: ambiguous, non-standard and non-canonical CIDRs by version', () => {
  const warnings = (spec: string, minor: number) => checkNetworkPolicy(policy(spec), { major: 1, minor }).warnings.map((w) => w.message);
  const spec = '{egress: [{to: [{ipBlock: {cidr: 10.0.0.1/8, except: [010.1.0.0/16, "::ffff:10.2.0.0/112"]}}, {ipBlock: {cidr: "2001:DB8::/32"}}]}]}';
  assert.equal(warnings(spec, 35), [
    'spec.egress[0].to[0].ipBlock.cidr: CIDR value "10.0.0.1/8" is ambiguous in this context (should be "10.0.0.0/8" or "10.0.0.1/32"?)',
    'spec.egress[0].to[0].ipBlock.except[0]: non-standard CIDR value "010.1.0.0/16" will be considered invalid in a future Kubernetes release: use "10.1.0.0/16"',
    'spec.egress[0].to[0].ipBlock.except[1]: non-standard CIDR value "::ffff:10.2.0.0/112" will be considered invalid in a future Kubernetes release: use "10.2.0.0/16"',
    'spec.egress[0].to[1].ipBlock.cidr: IPv6 CIDR value "2001:DB8::/32" should be in RFC 5952 canonical format ("2001:db8::/32")',
  ]);
  assert.equal(warnings(spec, 32), []);
  assert.equal(warnings('{egress: [{to: [{ipBlock: {cidr: "2001:DB8::/32"}}]}]}', 36), [
    'spec.egress[0].to[0].ipBlock.cidr: IPv6 CIDR value "2001:DB8::/32" should be in RFC 5952 canonical format ("2001:db8::/32")',
  ]);
});

test.run();
