import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Document } from 'yaml';
import { parseLayout } from '../../src/krm/read';
import { scanLayout } from '../../src/krm/scan';
import { readSource } from '../../src/krm/source';
import { fixture } from '../helpers';

/** The parts of a layout both readers must agree on. */
function essentials(layout: ReturnType<typeof parseLayout>) {
  return {
    mode: layout.mode,
    slots: layout.slots.map((slot) => ({ start: slot.start, column: slot.column })),
    functionConfig: layout.functionConfig?.start,
    results: layout.results?.start,
    listApiVersion: layout.listApiVersion,
  };
}

function agree(text: string): void {
  if (text.trim() === '') return; // empty input is refused before either reader runs
  const fast = scanLayout(text);
  if (fast === undefined) return; // the fast path may decline; it must never be wrong
  assert.equal(essentials(fast), essentials(parseLayout(readSource(text))), text);
}

test('the line scanner finds the same items as the CST parser on the round-trip corpus', () => {
  const text = fixture('roundtrip', 'resourcelist.yaml');
  assert.ok(scanLayout(text) !== undefined, 'the corpus is in the fast path');
  agree(text);
});

const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('yes', 'on', '0', '- x', '# y', 'a: b', '|', '---', '...'));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tie('node'), { maxKeys: 3 })),
})).node;
const resource = fc.record({
  apiVersion: fc.constantFrom('v1', 'apps/v1', 'networking.k8s.io/v1'),
  kind: fc.constantFrom('ConfigMap', 'Deployment', 'NetworkPolicy'),
  metadata: fc.record({ name: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/), annotations: fc.dictionary(fc.constantFrom('config.kubernetes.io/path', 'a.b/c'), fc.string({ maxLength: 10 })) }),
  data: value,
});

test('property: scanner and CST parser agree on emitted ResourceLists and streams', () => {
  fc.assert(
    fc.property(fc.array(resource, { maxLength: 5 }), fc.boolean(), fc.boolean(), fc.boolean(), (items, indentSeq, withConfig, asStream) => {
      if (asStream) {
        agree(items.map((item) => new Document(item).toString({ indentSeq })).join('---\n'));
        return;
      }
      const list: Record<string, unknown> = { apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items };
      if (withConfig) list.functionConfig = { apiVersion: 'v1', kind: 'ConfigMap', data: { 'selectors.mode': 'check' } };
      agree(new Document(list).toString({ indentSeq }));
    }),
    { numRuns: 300 },
  );
});

test('property: blank and comment lines anywhere do not move an item boundary', () => {
  const extra = fc.tuple(fc.nat({ max: 6 }), fc.constantFrom('', '# note', '#', '   ')).map(([indent, line]) => ' '.repeat(indent) + line);
  fc.assert(
    fc.property(fc.array(resource, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.array(fc.tuple(fc.nat(), extra), { maxLength: 6 }), (items, indentSeq, inserts) => {
      const lines = new Document({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items }).toString({ indentSeq }).split('\n');
      for (const [at, line] of inserts) lines.splice(1 + (at % lines.length), 0, line);
      agree(lines.join('\n'));
    }),
    { numRuns: 300 },
  );
});

test('unusual layouts fall back instead of guessing', () => {
  assert.is(scanLayout('%YAML 1.2\n---\na: 1\n'), undefined);
  assert.is(scanLayout('apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: [{a: 1}]\n'), undefined);
  assert.is(scanLayout('--- {a: 1}\n'), undefined);
  assert.is(scanLayout('apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n-\n  a: 1\n'), undefined);
});

test('the parser path does not take a comment after the last item for one more item', () => {
  // a directive sends the list to the parser, which once read `  # note` as an empty item
  const text = '%YAML 1.2\n---\napiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n  # note\n';
  assert.is(scanLayout(text), undefined);
  const layout = parseLayout(readSource(text));
  assert.is(layout.slots.length, 1);
  assert.ok(layout.appendAt !== undefined, 'new items can still be appended after the last one');
});

test.run();
