import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Document, parse } from 'yaml';
import { refOf } from '../../src/krm/items';
import { sniffHeader } from '../../src/krm/sniff';

const scalar = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('yes', 'kind: x', 'metadata:', '---'));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('name', 'kind', 'x', 'metadata'), tie('node'), { maxKeys: 3 })),
})).node;
const name = fc.oneof({ arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), weight: 4 }, { arbitrary: scalar, weight: 1 });
/** Mostly the expected shape, sometimes any scalar. */
function often<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | unknown> {
  return fc.oneof({ arbitrary, weight: 4 }, { arbitrary: scalar, weight: 1 });
}
const metadata = fc.record({ name, namespace: name, labels: value }, { requiredKeys: [] });
/** Top-level entries in any order, some missing: the sniff may decline but never misread. */
const entries = fc
  .record({ apiVersion: often(fc.constantFrom('v1', 'apps/v1')), kind: often(fc.constantFrom('ConfigMap', 'Deployment')), metadata: often(metadata), spec: value, data: value }, { requiredKeys: [] })
  .chain((record) => fc.shuffledSubarray(Object.entries(record), { minLength: Object.keys(record).length }));

test('property: a sniffed header is what parsing the item says, whatever the key order', () => {
  let answered = 0;
  fc.assert(
    fc.property(entries, fc.boolean(), (pairs, indentSeq) => {
      const object = Object.fromEntries(pairs);
      const text = new Document(object).toString({ indentSeq });
      const header = sniffHeader(text, 0, text.length, 0);
      if (header === undefined) return;
      answered++;
      const ref = refOf(parse(text));
      assert.equal({ apiVersion: header.apiVersion, kind: header.kind, name: header.name ?? '', namespace: header.namespace || undefined }, { ...ref, namespace: ref.namespace }, text);
    }),
    { numRuns: 500 },
  );
  assert.ok(answered > 50, `the sniff answered only ${answered} times`);
});

test('the sniff reads metadata that comes after spec, and stops reading after metadata', () => {
  const late = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  a: b\nmetadata:\n  name: late\n  namespace: ns\n';
  assert.equal(sniffHeader(late, 0, late.length, 0), { apiVersion: 'v1', kind: 'ConfigMap', name: 'late', namespace: 'ns' });
  // lines after metadata are not read: an unusual key there does not force a parse
  const after = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: early\n"quoted": 1\n';
  assert.equal(sniffHeader(after, 0, after.length, 0), { apiVersion: 'v1', kind: 'ConfigMap', name: 'early', namespace: undefined });
});

test.run();
