/**
 * `List` items (what `kubectl get -o yaml` writes) and typed lists (`NetworkPolicyList`,
 * `NamespaceList`, `PodList`) hold objects kubectl applies one by one; the validate stage
 * checks them as if they were items of their own, then points findings back into the list.
 */
import type { Finding } from '../krm/finding';
import type { Item } from '../krm/item';
import type { FieldPath } from '../krm/path';
import { isMapping } from '../krm/path';

/** Where an expanded object really lives: its list item and the path to it. */
interface Origin {
  readonly index: number;
  readonly prefix: FieldPath;
}

/** Items with list members expanded, and how to map their findings back. */
export interface Expanded {
  readonly items: readonly Item[];
  /** Rewrites a finding about an expanded member to its list item and full path. */
  place(finding: Finding): Finding;
}

/** The element kind of a typed list (`NetworkPolicyList` → `NetworkPolicy`); `undefined` for `List`. */
function elementKind(kind: string): string | undefined {
  return kind === 'List' ? undefined : kind.slice(0, -'List'.length);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Expands list items; every other item is kept as it is. */
export function expandLists(items: readonly Item[]): Expanded {
  const origins = new Map<number, Origin>();
  let next = items.reduce((max, item) => Math.max(max, item.index), -1) + 1;
  const expanded: Item[] = [];
  for (const item of items) {
    const members = item.ref.kind.endsWith('List') && isMapping(item.value) ? item.value.items : undefined;
    if (!Array.isArray(members)) {
      expanded.push(item);
      continue;
    }
    const kind = elementKind(item.ref.kind);
    members.forEach((member, position) => {
      if (!isMapping(member)) return;
      // Members of a typed list may leave out apiVersion and kind: the list implies them.
      const value = kind === undefined ? member : { apiVersion: item.ref.apiVersion, kind, ...member };
      const metadata = isMapping(value.metadata) ? value.metadata : {};
      const namespace = text(metadata.namespace);
      const index = next++;
      origins.set(index, { index: item.index, prefix: ['items', position] });
      expanded.push({
        index,
        ref: {
          apiVersion: text(value.apiVersion),
          kind: text(value.kind),
          name: text(metadata.name),
          ...(namespace === '' ? {} : { namespace }),
        },
        file: item.file,
        value,
        document: () => item.document(),
      });
    });
  }
  return {
    items: expanded,
    place(finding) {
      const origin = finding.itemIndex === undefined ? undefined : origins.get(finding.itemIndex);
      if (origin === undefined) return finding;
      return { ...finding, itemIndex: origin.index, path: [...origin.prefix, ...(finding.path ?? [])] };
    },
  };
}
