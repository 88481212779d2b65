import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { checkNetworkPolicy } from '../../../src/validate/api/check';
import { applyDefaults } from '../../../src/validate/api/defaults';
import { renderApiError } from '../../../src/validate/api/field-error';
import { qualifiedNameErrors, labelValueErrors, labelWording, portNameErrors } from '../../../src/validate/api/syntax';
import { validate } from '../../../src/validate/run';
import { DEFAULT_CONFIG } from '../../../src/config/sections';
import type { Item } from '../../../src/krm/item';

const V = { major: 1, minor: 36 } as const;
const versions = fc.integer({ min: 22, max: 37 }).map((minor) => ({ major: 1 as const, minor }));

/** Policy-shaped values with arbitrary leaves, so the walk reaches deep fields. */
const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.constant({}), fc.constant([]));
const selector = fc.record({ matchLabels: fc.oneof(leaf, fc.dictionary(fc.string(), leaf)), matchExpressions: fc.oneof(leaf, fc.array(fc.record({ key: leaf, operator: leaf, values: fc.oneof(leaf, fc.array(leaf)) }, { requiredKeys: [] }))) }, { requiredKeys: [] });
const peer = fc.record({ podSelector: fc.oneof(leaf, selector), namespaceSelector: fc.oneof(leaf, selector), ipBlock: fc.oneof(leaf, fc.record({ cidr: leaf, except: fc.oneof(leaf, fc.array(leaf)) }, { requiredKeys: [] })) }, { requiredKeys: [] });
const port = fc.record({ port: leaf, endPort: leaf, protocol: leaf }, { requiredKeys: [] });
const rule = fc.record({ from: fc.oneof(leaf, fc.array(peer)), to: fc.oneof(leaf, fc.array(peer)), ports: fc.oneof(leaf, fc.array(port)) }, { requiredKeys: [] });
const policyValue = fc.record({
  apiVersion: fc.constant('networking.k8s.io/v1'),
  kind: fc.constant('NetworkPolicy'),
  metadata: fc.oneof(leaf, fc.record({ name: leaf, namespace: leaf, labels: leaf, annotations: leaf, finalizers: leaf }, { requiredKeys: [] })),
  spec: fc.oneof(leaf, fc.record({ podSelector: fc.oneof(leaf, selector), ingress: fc.oneof(leaf, fc.array(rule)), egress: fc.oneof(leaf, fc.array(rule)), policyTypes: fc.oneof(leaf, fc.array(leaf)) }, { requiredKeys: [] })),
}, { requiredKeys: [] });

test('law: the check never throws and every error renders, whatever the value', () => {
  fc.assert(
    fc.property(fc.oneof(policyValue, fc.anything()), versions, (value, version) => {
      const verdict = checkNetworkPolicy(value, version);
      for (const error of verdict.errors) assert.type(renderApiError(error, version), 'string');
    }),
    { numRuns: 300 },
  );
});

test('law: the validate stage never throws on arbitrary items', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(policyValue, fc.anything()), { maxLength: 4 }), (values) => {
      const items: Item[] = values.map((value, index) => ({
        index,
        ref: { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', name: 'p' },
        file: undefined,
        value,
        document: () => {
          throw new Error('validation must not edit');
        },
      }));
      validate({ items, config: { ...DEFAULT_CONFIG, validation: { ...DEFAULT_CONFIG.validation, clusterCIDRs: ['10.0.0.0/8'] } } });
    }),
    { numRuns: 200 },
  );
});

test('law: defaulting is idempotent and does not change the verdict', () => {
  fc.assert(
    fc.property(policyValue, (value) => {
      const once = applyDefaults(value);
      assert.equal(applyDefaults(once), once);
      assert.equal(checkNetworkPolicy(once, V).errors, checkNetworkPolicy(value, V).errors);
    }),
    { numRuns: 200 },
  );
});

test('law: the check is a pure function of value and version', () => {
  fc.assert(
    fc.property(policyValue, versions, (value, version) => {
      const before = JSON.stringify(value);
      assert.equal(checkNetworkPolicy(value, version), checkNetworkPolicy(value, version));
      assert.is(JSON.stringify(value), before);
    }),
    { numRuns: 100 },
  );
});

const alnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const inner = fc.constantFrom(...'abcXYZ019-_.');

test('law: label keys and values built from the grammar are valid; any other character is not', () => {
  const name = fc.tuple(alnum, fc.array(inner, { maxLength: 40 }), alnum).map(([a, middle, b]) => `${a}${middle.join('')}${b}`);
  fc.assert(
    fc.property(name, fc.constantFrom(...' !@#$%^&*()+=/:;,'), fc.nat(), (value, bad, at) => {
      const wording = labelWording(V);
      assert.equal(qualifiedNameErrors(value, wording), []);
      assert.equal(qualifiedNameErrors(`example.com/${value}`, wording), []);
      assert.equal(labelValueErrors(value, wording), []);
      const position = at % (value.length + 1);
      const broken = `${value.slice(0, position)}${bad}${value.slice(position)}`;
      assert.ok(labelValueErrors(broken, wording).length > 0);
    }),
  );
});

test('law: a port name is valid exactly when it matches the IANA service-name syntax', () => {
  const iana = /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/;
  fc.assert(
    fc.property(fc.stringMatching(/^[-a-z0-9A-Z_]{0,17}$/), (name) => {
      assert.is(portNameErrors(name).length === 0, iana.test(name), name);
    }),
  );
});

test.run();
