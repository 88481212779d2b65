import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { checkNetworkPolicy } from '../../../src/validate/api/check';
import type { ApiErrorType } from '../../../src/validate/api/field-error';
import type { FieldPath } from '../../../src/krm/path';

const V136 = { major: 1, minor: 36 } as const;

/** A policy from YAML lines for metadata and spec. */
function policy(spec: string, metadata = 'name: p'): unknown {
  return parse(`apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {${metadata}}\nspec: ${spec}\n`);
}

type Row = readonly [id: string, value: unknown, expected: readonly (readonly [ApiErrorType, FieldPath])[]];

const long = (n: number, c = 'a') => c.repeat(n);
const I = ['spec', 'ingress', 0] as const;
const P0 = [...I, 'ports', 0] as const;
const F0 = [...I, 'from', 0] as const;
const B = [...F0, 'ipBlock'] as const;

/** One row per rule of the Kubernetes validation reference (1.36 defaults). */
const ROWS: readonly Row[] = [
  ['valid minimal', policy('{podSelector: {}}'), []],
  ['valid no spec', parse('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}'), []],
  ['M1 name missing', policy('{}', 'namespace: ns'), [['Required', ['metadata', 'name']]]],
  ['M2 name too long', policy('{}', `name: ${long(254)}`), [['Invalid', ['metadata', 'name']]]],
  ['M2 253 is fine, no per-label limit', policy('{}', `name: ${long(100)}.${long(100)}.${long(51)}`), []],
  ['M3 name syntax', policy('{}', 'name: Web_1'), [['Invalid', ['metadata', 'name']]]],
  ['M4 generateName trailing dash ok', policy('{}', 'name: p, generateName: web-'), []],
  ['M4 generateName syntax', policy('{}', 'name: p, generateName: Web-'), [['Invalid', ['metadata', 'generateName']]]],
  ['M6 namespace with dots', policy('{}', 'name: p, namespace: a.b'), [['Invalid', ['metadata', 'namespace']]]],
  ['M6 namespace too long', policy('{}', `name: p, namespace: ${long(64)}`), [['Invalid', ['metadata', 'namespace']]]],
  ['M7 label key and value', policy('{}', 'name: p, labels: {"a b": "-x"}'), [['Invalid', ['metadata', 'labels']], ['Invalid', ['metadata', 'labels']]]],
  ['M8 annotation keys lowercased', policy('{}', 'name: p, annotations: {"Example.COM/x": "1", "a/b/c": "2"}'), [['Invalid', ['metadata', 'annotations']]]],
  ['M9 annotations too long', policy('{}', `name: p, annotations: {a: ${long(262144)}}`), [['TooLong', ['metadata', 'annotations']]]],
  ['M10 finalizer key syntax', policy('{}', 'name: p, finalizers: ["a/b/c"]'), [['Invalid', ['metadata', 'finalizers']]]],
  ['M11 orphan and foregroundDeletion', policy('{}', 'name: p, finalizers: [orphan, foregroundDeletion]'), [['Invalid', ['metadata', 'finalizers']]]],
  ['M12 unqualified finalizer', policy('{}', 'name: p, finalizers: [kubernetes, mine]'), [['Invalid', ['metadata', 'finalizers', 1]]]],
  ['M13 owner reference fields', policy('{}', 'name: p, ownerReferences: [{apiVersion: "a/b/c", kind: Event}, {apiVersion: v1, kind: Event, name: e, uid: u}]'), [
    ['Invalid', ['metadata', 'ownerReferences', 'apiVersion']],
    ['Invalid', ['metadata', 'ownerReferences', 'name']],
    ['Invalid', ['metadata', 'ownerReferences', 'uid']],
    ['Invalid', ['metadata', 'ownerReferences']],
  ]],
  ['M13 two controllers', policy('{}', 'name: p, ownerReferences: [{apiVersion: apps/v1, kind: Deployment, name: a, uid: "1", controller: true}, {apiVersion: apps/v1, kind: Deployment, name: b, uid: "2", controller: true}]'), [['Invalid', ['metadata', 'ownerReferences']]]],
  ['L1 two slashes', policy('{podSelector: {matchLabels: {"a/b/c": x}}}'), [['Invalid', ['spec', 'podSelector', 'matchLabels']]]],
  ['L2 empty prefix', policy('{podSelector: {matchLabels: {"/a": x}}}'), [['Invalid', ['spec', 'podSelector', 'matchLabels']]]],
  ['L3 prefix too long', policy(`{podSelector: {matchLabels: {"${long(254)}/a": x}}}`), [['Invalid', ['spec', 'podSelector', 'matchLabels']]]],
  ['L4 prefix not a subdomain', policy('{podSelector: {matchLabels: {"Example.com/a": x}}}'), [['Invalid', ['spec', 'podSelector', 'matchLabels']]]],
  ['L5 empty name part (and L6)', policy('{podSelector: {matchLabels: {"example.com/": x}}}'), [['Invalid', ['spec', 'podSelector', 'matchLabels']], ['Invalid', ['spec', 'podSelector', 'matchLabels']]]],
  ['L5b name part too long', policy(`{podSelector: {matchLabels: {"${long(64)}": x}}}`), [['Invalid', ['spec', 'podSelector', 'matchLabels']]]],
  ['L6 name part syntax, uppercase ok', policy('{podSelector: {matchLabels: {"App_1": x, "-a": y}}}'), [['Invalid', ['spec', 'podSelector', 'matchLabels']]]],
  ['L7 value too long', policy(`{podSelector: {matchLabels: {a: ${long(64)}}}}`), [['Invalid', ['spec', 'podSelector', 'matchLabels']]]],
  ['L8 value syntax, empty ok', policy('{podSelector: {matchLabels: {a: "", b: "x y"}}}'), [['Invalid', ['spec', 'podSelector', 'matchLabels']]]],
  ['S3 In without values', policy('{podSelector: {matchExpressions: [{key: a, operator: In}, {key: b, operator: NotIn, values: []}]}}'), [
    ['Required', ['spec', 'podSelector', 'matchExpressions', 0, 'values']],
    ['Required', ['spec', 'podSelector', 'matchExpressions', 1, 'values']],
  ]],
  ['S4 Exists with values', policy('{podSelector: {matchExpressions: [{key: a, operator: Exists, values: [x]}]}}'), [['Forbidden', ['spec', 'podSelector', 'matchExpressions', 0, 'values']]]],
  ['S5 bad operator, then S6 missing key', policy('{podSelector: {matchExpressions: [{operator: in, values: [x]}]}}'), [
    ['Invalid', ['spec', 'podSelector', 'matchExpressions', 0, 'operator']],
    ['Invalid', ['spec', 'podSelector', 'matchExpressions', 0, 'key']],
    ['Invalid', ['spec', 'podSelector', 'matchExpressions', 0, 'key']],
  ]],
  ['S7 values checked for every operator', policy('{podSelector: {matchExpressions: [{key: a, operator: Exists, values: ["x y"]}]}}'), [
    ['Forbidden', ['spec', 'podSelector', 'matchExpressions', 0, 'values']],
    ['Invalid', ['spec', 'podSelector', 'matchExpressions', 0, 'values', 0]],
  ]],
  ['S1 peer selectors are validated', policy('{ingress: [{from: [{namespaceSelector: {matchLabels: {"a/b/c": x}}}]}]}'), [['Invalid', [...F0, 'namespaceSelector', 'matchLabels']]]],
  ['P1 protocol case, empty not defaulted', policy('{egress: [{ports: [{protocol: tcp}, {protocol: ""}, {protocol: SCTP}]}]}'), [
    ['NotSupported', ['spec', 'egress', 0, 'ports', 0, 'protocol']],
    ['NotSupported', ['spec', 'egress', 0, 'ports', 1, 'protocol']],
  ]],
  ['P2 port range', policy('{ingress: [{ports: [{port: 0}, {port: 65536}, {port: 65535}]}]}'), [
    ['Invalid', [...P0, 'port']],
    ['Invalid', [...I, 'ports', 1, 'port']],
  ]],
  ['P3 endPort below port', policy('{ingress: [{ports: [{port: 80, endPort: 70}]}]}'), [['Invalid', [...P0, 'endPort']]]],
  ['P3 and P4 both', policy('{ingress: [{ports: [{port: 80, endPort: 0}]}]}'), [['Invalid', [...P0, 'endPort']], ['Invalid', [...P0, 'endPort']]]],
  ['P4 endPort range', policy('{ingress: [{ports: [{port: 80, endPort: 70000}]}]}'), [['Invalid', [...P0, 'endPort']]]],
  ['P5 endPort with named port, before P6', policy('{ingress: [{ports: [{port: HTTP, endPort: 90}]}]}'), [
    ['Invalid', [...P0, 'endPort']],
    ['Invalid', [...P0, 'port']],
    ['Invalid', [...P0, 'port']],
  ]],
  ['P6a name too long', policy('{ingress: [{ports: [{port: abcdefghijklmnop}]}]}'), [['Invalid', [...P0, 'port']]]],
  ['P6c string "80" is a name', policy('{ingress: [{ports: [{port: "80"}]}]}'), [['Invalid', [...P0, 'port']]]],
  ['P6d/P6e hyphens', policy('{ingress: [{ports: [{port: "-a--b"}]}]}'), [['Invalid', [...P0, 'port']], ['Invalid', [...P0, 'port']]]],
  ['P7 endPort without port', policy('{ingress: [{ports: [{endPort: 90}]}]}'), [['Invalid', [...P0, 'endPort']]]],
  ['endPort on UDP and SCTP is fine', policy('{ingress: [{ports: [{protocol: UDP, port: 1, endPort: 9}, {protocol: SCTP, port: 1, endPort: 9}]}]}'), []],
  ['R3 empty peer', policy('{ingress: [{from: [{}, {podSelector: null}]}]}'), [['Required', F0], ['Required', [...I, 'from', 1]]]],
  ['R4 ipBlock with selector, after sub-errors', policy('{egress: [{to: [{ipBlock: {cidr: bad}, namespaceSelector: {}}]}]}'), [
    ['Invalid', ['spec', 'egress', 0, 'to', 0, 'ipBlock', 'cidr']],
    ['Forbidden', ['spec', 'egress', 0, 'to', 0]],
  ]],
  ['R pod and namespace selector together are fine', policy('{ingress: [{from: [{podSelector: {}, namespaceSelector: {}}]}]}'), []],
  ['B1 cidr missing stops except', policy('{ingress: [{from: [{ipBlock: {except: [bad]}}]}]}'), [['Required', [...B, 'cidr']]]],
  ['B2 cidr unparsable stops except', policy('{ingress: [{from: [{ipBlock: {cidr: 10.0.0.0, except: [bad]}}]}]}'), [['Invalid', [...B, 'cidr']]]],
  ['B3 leading zeros', policy('{ingress: [{from: [{ipBlock: {cidr: 010.0.0.0/8}}, {ipBlock: {cidr: 10.0.0.0/08}}]}]}'), [
    ['Invalid', [...B, 'cidr']],
    ['Invalid', [...I, 'from', 1, 'ipBlock', 'cidr']],
  ]],
  ['B4 IPv4-mapped', policy('{ingress: [{from: [{ipBlock: {cidr: "::ffff:10.0.0.0/104"}}]}]}'), [['Invalid', [...B, 'cidr']]]],
  ['B5 host bits', policy('{ingress: [{from: [{ipBlock: {cidr: 10.0.0.1/8}}]}]}'), [['Invalid', [...B, 'cidr']]]],
  ['B6 except checked like cidr, B2 skips B7 only there', policy('{ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [bad, 10.1.2.3/16, 10.0.0.0/8]}}]}]}'), [
    ['Invalid', [...B, 'except', 0]],
    ['Invalid', [...B, 'except', 1]],
    ['Invalid', [...B, 'except', 2]],
  ]],
  ['B7 strict subset', policy('{ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.0.0.0/8, 11.0.0.0/24, "2001:db8::/64", 10.0.1.0/24]}}]}]}'), [
    ['Invalid', [...B, 'except', 0]],
    ['Invalid', [...B, 'except', 1]],
    ['Invalid', [...B, 'except', 2]],
  ]],
  ['B non-canonical IPv6 and /0 are valid', policy('{ingress: [{from: [{ipBlock: {cidr: "2001:DB8::/32"}}, {ipBlock: {cidr: 0.0.0.0/0}}, {ipBlock: {cidr: "::/0"}}]}]}'), []],
  ['T1 three policyTypes stops entry checks', policy('{policyTypes: [Ingress, egress, Ingress]}'), [['Invalid', ['spec', 'policyTypes']]]],
  ['T2 entry case', policy('{policyTypes: [Ingress, egress]}'), [['NotSupported', ['spec', 'policyTypes', 1]]]],
  ['T duplicates are fine', policy('{policyTypes: [Ingress, Ingress]}'), []],
  ['order: metadata, podSelector, ingress ports then peers, egress, policyTypes', policy(
    '{policyTypes: [x], egress: [{to: [{}], ports: [{port: 0}]}], ingress: [{from: [{}], ports: [{port: 0}]}], podSelector: {matchLabels: {a: "-"}}}',
    'name: P',
  ), [
    ['Invalid', ['metadata', 'name']],
    ['Invalid', ['spec', 'podSelector', 'matchLabels']],
    ['Invalid', [...P0, 'port']],
    ['Required', F0],
    ['Invalid', ['spec', 'egress', 0, 'ports', 0, 'port']],
    ['Required', ['spec', 'egress', 0, 'to', 0]],
    ['NotSupported', ['spec', 'policyTypes', 0]],
  ]],
  ['decoding: unknown fields, status, case-sensitive names', parse('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p}\nspec: {podselector: {}, ingress: [{form: []}]}\nstatus: {}'), [
    ['StrictDecoding', ['spec', 'ingress', 0, 'form']],
    ['StrictDecoding', ['spec', 'podselector']],
    ['StrictDecoding', ['status']],
  ]],
  ['decoding: wrong types stop validation', policy('{ingress: [{ports: [{port: 0, endPort: "80"}]}], podSelector: {matchLabels: {a: true}}}', 'name: P'), [
    ['Decode', [...P0, 'endPort']],
    ['Decode', ['spec', 'podSelector', 'matchLabels', 'a']],
  ]],
  ['decoding: int32 range and IntOrString', policy('{ingress: [{ports: [{port: 2147483648}, {port: true}, {endPort: 1.5}]}]}'), [
    ['Decode', [...P0, 'port']],
    ['Decode', [...I, 'ports', 1, 'port']],
    ['Decode', [...I, 'ports', 2, 'endPort']],
  ]],
  ['decoding: null is absent everywhere', policy('{podSelector: null, ingress: [{ports: [null, {port: null, protocol: null}], from: null}], policyTypes: null}', 'name: p, labels: null'), []],
];

test('every rule of the reference, with the server\'s paths and error types in its order', () => {
  for (const [id, value, expected] of ROWS) {
    const { errors } = checkNetworkPolicy(value, V136);
    assert.equal(errors.map((error) => [error.type, error.path]), expected, id);
  }
});

test.run();
