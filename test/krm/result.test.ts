import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { resultText, toResults, type KrmResult } from '../../src/krm/result';

const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('yes', 'No', 'null', '~', '123', '1e3', '- x', 'a: b', '#c', ' lead', 'trail ', "it's", '"q"', 'a\nb', '\t', '', 'spec.ingress[0].from[1]', 'netpol/dns-udp-only'));

const result: fc.Arbitrary<KrmResult> = fc.record(
  {
    message: text,
    severity: fc.constantFrom('error', 'warning', 'info'),
    resourceRef: fc.record({ apiVersion: text, kind: text, name: text, namespace: text }, { requiredKeys: ['apiVersion', 'kind', 'name'] }),
    field: fc.record({ path: text }),
    file: fc.record({ path: text, index: fc.nat() }, { requiredKeys: ['path'] }),
    tags: fc.record({ rule: text }),
  },
  { requiredKeys: ['message', 'severity', 'tags'] },
) as fc.Arbitrary<KrmResult>;

test('property: a written result reads back as the same data, with either YAML library', () => {
  fc.assert(
    fc.property(fc.array(result, { maxLength: 4 }), (results) => {
      const yaml = `results:\n${results.map(resultText).join('')}`;
      const expected = { results: results.length === 0 ? null : (JSON.parse(JSON.stringify(results)) as unknown) };
      assert.equal(load(yaml, { schema: CORE_SCHEMA }), expected);
      assert.equal(parse(yaml), expected);
    }),
    { numRuns: 500 },
  );
});

test('results are sorted by item, then path, then rule', () => {
  const results = toResults(
    [
      { ruleId: 'b', severity: 'info', message: 'm', itemIndex: 1, path: ['spec', 'ingress', 10] },
      { ruleId: 'a', severity: 'info', message: 'm', itemIndex: 1, path: ['spec', 'ingress', 2] },
      { ruleId: 'c', severity: 'error', message: 'm', itemIndex: 0 },
    ],
    () => undefined,
  );
  assert.equal(results.map((r) => r.tags.rule), ['c', 'a', 'b']);
});

test.run();
