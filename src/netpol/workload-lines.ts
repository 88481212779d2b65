import { readBlockValue, type Wanted } from '../krm/block-value';
import type { Item } from '../krm/item';
import { deeperThan } from '../krm/path';
import { MAX_DEPTH } from '../krm/parse-item';
import { POD_TEMPLATE_PATHS, readWorkload, type Workload } from './workload';

/**
 * Workloads read from their lines. Rules and the analysis want a workload's name,
 * namespace, pod labels and container ports, while most of a Deployment is env, probes,
 * volumes and resources; reading only the entries that hold what is wanted, and skipping
 * the lines of the rest, makes reading a large list several times cheaper. The line
 * reader (krm/block-value.ts) reads the wanted parts as js-yaml would, or declines, and
 * the whole item is parsed instead, which reports any error. The one thing it gives up is
 * a YAML error in the parts it skips, which only hand-written input can have (kustomize
 * and kpt hand over what their own parser read).
 */

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
  const read = wanted === undefined ? undefined : readBlockValue(text, MAX_DEPTH, wanted);
  // parts js-yaml read may nest past the limit: the whole parse reports that
  return read === undefined || deeperThan(read, MAX_DEPTH) ? undefined : read;
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
