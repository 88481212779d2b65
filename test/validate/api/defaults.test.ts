import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { applyDefaults } from '../../../src/validate/api/defaults';

function spec(text: string): unknown {
  return (applyDefaults(parse(`spec: ${text}`)) as { spec: unknown }).spec;
}

test('D1: ports without a protocol get TCP; an explicit "" stays', () => {
  assert.equal(spec('{ingress: [{ports: [{port: 80}, {protocol: ""}, null]}]}'), {
    ingress: [{ ports: [{ port: 80, protocol: 'TCP' }, { protocol: '' }, { protocol: 'TCP' }] }],
    policyTypes: ['Ingress'],
  });
  assert.equal(spec('{egress: [{ports: [{protocol: null, port: 53}]}]}'), {
    egress: [{ ports: [{ protocol: 'TCP', port: 53 }] }],
    policyTypes: ['Ingress', 'Egress'],
  });
});

test('D2: empty policyTypes become Ingress, plus Egress when egress rules exist; written ones stay', () => {
  assert.equal(spec('{}'), { policyTypes: ['Ingress'] });
  assert.equal(spec('{egress: [], policyTypes: []}'), { egress: [], policyTypes: ['Ingress'] });
  assert.equal(spec('{egress: [{}], policyTypes: null}'), { egress: [{}], policyTypes: ['Ingress', 'Egress'] });
  assert.equal(spec('{egress: [{}], policyTypes: [egress, Ingress, x]}'), { egress: [{}], policyTypes: ['egress', 'Ingress', 'x'] });
});

test.run();
