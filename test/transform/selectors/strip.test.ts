import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { Document, parseDocument } from 'yaml';
import { stripSelector } from '../../../src/transform/selectors/strip';
import { labelKey, selector } from '../arbitraries';

test('law: strip removes exactly the listed keys from matchLabels and nothing else', () => {
  fc.assert(
    fc.property(selector, fc.uniqueArray(labelKey, { maxLength: 3 }), (written, keys: string[]) => {
      const plain = JSON.parse(JSON.stringify(written)) as { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
      const doc = new Document({ podSelector: plain });
      const removed = stripSelector(doc, ['podSelector'], keys);
      const after = (doc.toJS() as { podSelector: typeof plain }).podSelector;
      const labels = plain.matchLabels;
      if (labels === undefined) return assert.equal(after, plain);
      const expected = Object.fromEntries(Object.entries(labels).filter(([key]) => !keys.includes(key)));
      assert.equal(after.matchLabels, expected);
      assert.equal(after.matchExpressions, plain.matchExpressions);
      assert.equal(removed.sort(), keys.filter((key) => key in labels).sort());
    }),
  );
});

test('an aliased matchLabels is stripped as a copy, the anchored labels keep the key', () => {
  const doc = parseDocument('metadata:\n  labels: &l { app: x, team: one }\npodSelector:\n  matchLabels: *l\n');
  assert.equal(stripSelector(doc, ['podSelector'], ['team']), ['team']);
  assert.equal(doc.toJS(), { metadata: { labels: { app: 'x', team: 'one' } }, podSelector: { matchLabels: { app: 'x' } } });
});

test.run();
