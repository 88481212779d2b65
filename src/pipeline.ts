import type { Document } from 'yaml';
import type { Config } from './config/types';
import type { Finding } from './krm/finding';
import type { Item } from './krm/item';
import { SourceItem } from './krm/items';
import { WORKLOAD_KINDS } from './netpol/workload';
import { readsFromLines } from './netpol/workload-lines';
import { TRANSFORMS } from './transform/registry';
import { analyze } from './analyze';
import { validate } from './validate';

/** What the stages produced: their findings and the items transforms generated. */
export interface PipelineResult {
  readonly findings: readonly Finding[];
  readonly generated: readonly SourceItem[];
}

/** One stage of the pipeline; stages run in `STAGES` order over the same items. */
export interface Stage {
  readonly name: string;
  run(items: readonly Item[], config: Config, addItem: (document: Document) => Item): Finding[];
}

const transformStage: Stage = {
  name: 'transform',
  run(items, config, addItem) {
    return TRANSFORMS.filter((transform) => transform.enabled(config)).flatMap((transform) => transform.run({ items, config, addItem }));
  },
};

/**
 * Kinds some stage reads. Items of these kinds are parsed up front (so their syntax
 * problems are reported), except workloads with a pod template, which are read from
 * their lines (netpol/workload-lines.ts); every other item passes through as text,
 * never parsed.
 */
export const READ_KINDS: ReadonlySet<string> = new Set(['NetworkPolicy', 'Namespace', ...WORKLOAD_KINDS, 'List', 'NetworkPolicyList', 'NamespaceList', 'PodList']);

const validateStage: Stage = {
  name: 'validate',
  run(items, config) {
    return validate({ items, config });
  },
};

const analyzeStage: Stage = {
  name: 'analyze',
  run(items, config) {
    return analyze({ items, config });
  },
};

/** The stages after reading and config, in order; writing follows. */
export const STAGES: readonly Stage[] = [transformStage, validateStage, analyzeStage];

/**
 * Runs every stage over the usable items (items with read problems are only carried
 * through). Later stages see edits and generated items of earlier ones.
 */
export function runPipeline(items: readonly SourceItem[], config: Config): PipelineResult {
  for (const item of items) if (READ_KINDS.has(item.ref.kind) && !readsFromLines(item.ref.kind)) void item.value;
  const usable: Item[] = items.filter((item) => item.usable);
  const generated: SourceItem[] = [];
  let nextIndex = items.length === 0 ? 0 : items[items.length - 1]!.index + 1;
  const addItem = (document: Document): Item => {
    const item = SourceItem.generated(nextIndex++, document);
    generated.push(item);
    usable.push(item);
    return item;
  };
  const findings: Finding[] = [];
  for (const stage of STAGES) {
    findings.push(...stage.run([...usable], config, addItem));
    for (const item of [...items, ...generated]) item.refresh();
  }
  return { findings, generated };
}
