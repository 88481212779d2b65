import { BlockLines, type BlockEntry, type MappingScope } from '../krm/block-lines';
import type { Item } from '../krm/item';
import { parseValue } from '../krm/parse-item';
import { POD_TEMPLATE_PATHS, readWorkload, type Workload } from './workload';

/**
 * Workloads read from their lines. Rules and the analysis want a workload's name,
 * namespace, pod labels and container ports, while most of a Deployment is env, probes,
 * volumes and resources; parsing only the entries that hold what is wanted makes reading
 * a large list several times cheaper. The reader walks block mappings and sequences by
 * indentation, and parses an entry whole as soon as its value is anything else (flow
 * style, a scalar, an alias). It walks a mapping only when all its keys are plain
 * words, so a wanted key it does not find is truly absent; otherwise it parses the entry
 * that mapping is the value of (the whole item, at the top). An entry that does not
 * parse makes the whole item parse, which reports the error. The one thing it gives up is a YAML error in the parts it skips, which only
 * hand-written input can have (kustomize and kpt hand over what their own parser read).
 */

/** Which parts of a value to read: `true` for all of it, per key, or for each item of a list. */
type Wanted = true | { readonly keys: Readonly<Record<string, Wanted>> } | { readonly each: Wanted };

const POD_TEMPLATE: Wanted = {
  keys: {
    metadata: { keys: { labels: true } },
    spec: { keys: { containers: { each: { keys: { ports: true } } }, initContainers: { each: { keys: { ports: true } } } } },
  },
};

/** What to read of each kind whose pods live in a template; bare Pods are read whole (the analysis wants their status). */
const WANTED: ReadonlyMap<string, Wanted> = new Map(
  Object.entries(POD_TEMPLATE_PATHS)
    .filter(([, path]) => path.length > 0)
    .map(([kind, path]) => [kind, { keys: { metadata: { keys: { name: true, namespace: true } }, ...nest(path, POD_TEMPLATE).keys } }]),
);

function nest(path: readonly string[], wanted: Wanted): { keys: Record<string, Wanted> } {
  const [head, ...rest] = path;
  return { keys: { [head!]: rest.length === 0 ? wanted : nest(rest, wanted) } };
}

/** Whether workloads of a kind are read from their lines (bare Pods are parsed whole). */
export function readsFromLines(kind: string): boolean {
  return WANTED.has(kind);
}

/** The parts of an item's text a workload is read from, or `undefined` when the text must be parsed whole. */
export function sparseWorkloadValue(text: string, kind: string): unknown {
  const wanted = WANTED.get(kind);
  if (wanted === undefined || wanted === true || !('keys' in wanted)) return undefined;
  const lines = new BlockLines(text);
  try {
    return readMapping(lines, lines.root(), wanted.keys);
  } catch (error) {
    if (error instanceof Unreadable) return undefined;
    throw error;
  }
}

/** Thrown inside the reader when a part does not parse: the whole item is parsed instead, and reports it. */
class Unreadable extends Error {}

/** The wanted keys of a block mapping, or `undefined` when its keys are not all plain. */
function readMapping(lines: BlockLines, scope: MappingScope, keys: Readonly<Record<string, Wanted>>): Record<string, unknown> | undefined {
  const keyLines = lines.plainKeyLines(scope);
  if (keyLines === undefined) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, wanted] of Object.entries(keys)) {
    const line = keyLines.get(key);
    if (line !== undefined) out[key] = readEntry(lines, lines.entryOn(scope, line), key, wanted);
  }
  return out;
}

/** The wanted part of an entry's value; any value the walk cannot take is parsed whole. */
function readEntry(lines: BlockLines, entry: BlockEntry, key: string, wanted: Wanted): unknown {
  if (wanted !== true && 'keys' in wanted) {
    const mapping = lines.valueMapping(entry);
    const read = mapping === undefined ? undefined : readMapping(lines, mapping, wanted.keys);
    if (read !== undefined) return read;
  } else if (wanted !== true && wanted.each !== true && 'keys' in wanted.each) {
    const keys = wanted.each.keys;
    const items = lines.sequenceItems(entry)?.map((item) => readMapping(lines, item, keys));
    if (items !== undefined && items.every((item) => item !== undefined)) return items;
  }
  return parseEntry(lines, entry, key);
}

function parseEntry(lines: BlockLines, entry: BlockEntry, key: string): unknown {
  const parsed = parseValue(lines.entryText(entry), 1);
  if (!('value' in parsed)) throw new Unreadable();
  const { value } = parsed;
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key) || Object.keys(value).length !== 1) throw new Unreadable();
  return (value as Record<string, unknown>)[key];
}

const workloads = new WeakMap<Item, Workload | null>();

/**
 * The workload an item is, read once per item: from the wanted parts of its text when
 * it has text and they read cleanly, from its parsed value otherwise.
 */
export function workloadOfItem(item: Item, defaultNamespace: string): Workload | undefined {
  const known = workloads.get(item);
  if (known !== undefined) return known ?? undefined;
  const text = readsFromLines(item.ref.kind) ? item.text?.read() : undefined;
  const sparse = text === undefined ? undefined : sparseWorkloadValue(text, item.ref.kind);
  const workload = readWorkload(item.ref.kind, sparse ?? item.value, defaultNamespace);
  workloads.set(item, workload ?? null);
  return workload;
}
