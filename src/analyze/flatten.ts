import type { Item } from '../krm/item';
import type { FieldPath } from '../krm/path';
import { WORKLOAD_KINDS } from '../netpol/workload';
import { readsFromLines } from '../netpol/workload-lines';
import { isMapping } from '../krm/path';

/** One Kubernetes object found in the input: an item, or an entry of a `*List` item. */
export interface FlatObject {
  readonly kind: string;
  readonly value: unknown;
  /** The item it came from. */
  readonly itemIndex: number;
  /** Where the object sits inside that item (`[]`, or `['items', 3]` in a List). */
  readonly path: FieldPath;
  /** The item, for a workload read from its lines (its value is parsed only if asked for). */
  readonly item?: Item;
}

/**
 * Flattens `List`, `PodList`, `NamespaceList`, `NetworkPolicyList` (any `<Kind>List` with an
 * `items` array) into their entries; entries of a typed list may omit `kind`, as the API
 * server's list responses do, so the list's kind supplies it.
 */
export function flattenItems(items: readonly Item[]): FlatObject[] {
  const out: FlatObject[] = [];
  for (const item of items) {
    // Other kinds are never parsed: the reader leaves their values lazy.
    if (!isAnalysed(item.ref.kind)) continue;
    // a workload read from its lines is never parsed whole: its value is only touched on demand
    if (readsFromLines(item.ref.kind) && item.text !== undefined) {
      out.push({ kind: item.ref.kind, get value() { return item.value; }, itemIndex: item.index, path: [], item });
      continue;
    }
    visit(item.value, kindOf(item.value) ?? item.ref.kind, item.index, [], out);
  }
  return out;
}

/** Kinds the analysis reads: policies, namespaces, workloads and any `*List`. */
export function isAnalysed(kind: string): boolean {
  return kind === 'NetworkPolicy' || kind === 'Namespace' || WORKLOAD_KINDS.includes(kind) || kind.endsWith('List');
}

function kindOf(value: unknown): string | undefined {
  return isMapping(value) && typeof value.kind === 'string' && value.kind !== '' ? value.kind : undefined;
}

function visit(value: unknown, kind: string, itemIndex: number, path: FieldPath, out: FlatObject[]): void {
  if (kind.endsWith('List') && isMapping(value) && Array.isArray(value.items)) {
    const entryKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    value.items.forEach((entry, i) => {
      const kindOfEntry = kindOf(entry) ?? entryKind;
      if (kindOfEntry !== undefined) visit(entry, kindOfEntry, itemIndex, [...path, 'items', i], out);
    });
    return;
  }
  out.push({ kind, value, itemIndex, path });
}
