import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { flattenItems } from '../../src/analyze/flatten';
import type { Item } from '../../src/krm/item';

function item(index: number, kind: string, value: () => unknown): Item {
  return {
    index,
    ref: { apiVersion: 'v1', kind, name: `i${index}` },
    file: undefined,
    get value() {
      return value();
    },
    document: () => {
      throw new Error('not edited');
    },
  };
}

test('lists flatten with their paths; typed lists supply the kind', () => {
  const list = {
    kind: 'List',
    items: [
      { kind: 'NamespaceList', items: [{ metadata: { name: 'a' } }] },
      { kind: 'Deployment', metadata: { name: 'd' } },
      { metadata: { name: 'no-kind-in-a-plain-list' } },
    ],
  };
  const flat = flattenItems([item(0, 'List', () => list), item(1, 'PodList', () => ({ kind: 'PodList', items: [{ metadata: { name: 'p' } }] }))]);
  assert.equal(
    flat.map((o) => [o.kind, o.itemIndex, o.path]),
    [
      ['Namespace', 0, ['items', 0, 'items', 0]],
      ['Deployment', 0, ['items', 1]],
      ['Pod', 1, ['items', 0]],
    ],
  );
});

test('kinds the analysis does not read are never parsed', () => {
  const flat = flattenItems([
    item(0, 'ConfigMap', () => {
      throw new Error('parsed a ConfigMap');
    }),
    item(1, 'NetworkPolicy', () => ({ kind: 'NetworkPolicy' })),
  ]);
  assert.equal(flat.map((o) => o.kind), ['NetworkPolicy']);
});

test.run();
