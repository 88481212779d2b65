import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadConfig } from '../../src/config/load';

const typed = (spec: unknown): unknown => ({ apiVersion: 'netpol-guard.dev/v1alpha1', kind: 'NetpolGuard', spec });

function messages(value: unknown): string[] {
  return loadConfig(value).findings.map((finding) => `${JSON.stringify(finding.path)} ${finding.message}`);
}

test('an unknown field names the fields allowed where it stands', () => {
  assert.equal(messages(typed({ selectors: { mod: 'strip' } })), [
    '["spec","selectors","mod"] functionConfig: unknown field "mod"; allowed fields: mode, namespaceSelectors, stripLabels',
  ]);
  assert.equal(messages({ apiVersion: 'netpol-guard.dev/v1alpha1', kind: 'NetpolGuard', sepc: {} }), [
    '["sepc"] functionConfig: unknown field "sepc"; allowed fields: apiVersion, kind, metadata, spec',
  ]);
});

test('inside a list item, the allowed fields are those of the item', () => {
  const grant = { name: 'kafka', ports: [{ port: 9092, proto: 'TCP' }], mergeInto: { name: 'proxy-allow' } };
  assert.equal(messages(typed({ egress: { grants: [grant] } })), [
    '["spec","egress","grants",0,"ports",0,"proto"] functionConfig: unknown field "proto"; allowed fields: port, endPort, protocol',
  ]);
});

test.run();
