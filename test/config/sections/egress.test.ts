import { test } from 'uvu';
import * as assert from 'uvu/assert';
import Ajv from 'ajv';
import { checkEgress, EGRESS_SCHEMA, type EgressConfig } from '../../../src/config/sections/egress';
import { DEFAULT_CONFIG } from '../../../src/config/sections';

const validate = new Ajv({ allErrors: true, strict: true }).compile(EGRESS_SCHEMA);

const kafka = { name: 'kafka', ports: [{ port: 9092, endPort: 9094 }], mergeInto: { name: 'proxy-allow' } };

test('schema: a complete grant is accepted; unknown fields are errors', () => {
  assert.ok(validate({ grants: [kafka] }));
  assert.not.ok(validate({ grants: [{ ...kafka, target: 'x' }] }));
  assert.equal(validate.errors?.map((e) => [e.instancePath, e.keyword]), [['/grants/0', 'additionalProperties']]);
  assert.not.ok(validate({ grants: [{ ...kafka, ports: [{ port: 9092, protcol: 'TCP' }] }] }));
  assert.not.ok(validate({ grants: [{ ...kafka, ports: [{ port: 0 }] }] }));
  assert.not.ok(validate({ grants: [{ ...kafka, ports: [] }] }));
  assert.ok(validate({ grants: [{ ports: [{ port: 'postgres', protocol: 'TCP' }], generate: { name: 'a', podSelector: {} } }] }));
});

function paths(egress: unknown): unknown[] {
  return checkEgress({ ...DEFAULT_CONFIG, egress: egress as EgressConfig }).map((e) => e.path.slice(1));
}

test('cross-field: exactly one target, a criterion for mergeInto', () => {
  assert.equal(paths({ grants: [kafka] }), []);
  assert.equal(paths({ grants: [{ ports: [{ port: 1 }] }] }), [['egress', 'grants', 0]]);
  assert.equal(paths({ grants: [{ ...kafka, generate: { name: 'a', podSelector: {} } }] }), [['egress', 'grants', 0]]);
  assert.equal(paths({ grants: [{ ports: [{ port: 1 }], mergeInto: { addEgressPolicyType: true } }] }), [['egress', 'grants', 0, 'mergeInto']]);
});

test('cross-field: endPort needs a numeric port not above it', () => {
  assert.equal(paths({ grants: [{ ...kafka, ports: [{ port: 'kafka', endPort: 9094 }, { port: 10, endPort: 9 }] }] }), [
    ['egress', 'grants', 0, 'ports', 0, 'endPort'],
    ['egress', 'grants', 0, 'ports', 1, 'endPort'],
  ]);
});

test('cross-field: ipBlock CIDRs parse and except lies strictly inside', () => {
  const to = [
    { ipBlock: { cidr: '10.0.0.0/8', except: ['10.1.0.0/16', '192.168.0.0/16', '10.0.0.0/8', 'nope'] } },
    { ipBlock: { cidr: '10.0.0.0/33' } },
    { ipBlock: { cidr: '::/0', except: ['10.0.0.0/8'] }, podSelector: {} },
  ];
  assert.equal(paths({ grants: [{ ...kafka, to }] }), [
    ['egress', 'grants', 0, 'to', 0, 'ipBlock', 'except', 1],
    ['egress', 'grants', 0, 'to', 0, 'ipBlock', 'except', 2],
    ['egress', 'grants', 0, 'to', 0, 'ipBlock', 'except', 3],
    ['egress', 'grants', 0, 'to', 1, 'ipBlock', 'cidr'],
    ['egress', 'grants', 0, 'to', 2],
    ['egress', 'grants', 0, 'to', 2, 'ipBlock', 'except', 0],
  ]);
});

test.run();
