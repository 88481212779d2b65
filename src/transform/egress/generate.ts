import type { Document } from 'yaml';
import { yamlLib } from '../../krm/yaml-lib';
import type { GenerateTarget } from '../../config/sections/egress';
import type { Finding } from '../../krm/finding';
import type { Item } from '../../krm/item';
import { readLabelSelector } from '../../netpol/read';
import { adopt, current } from '../edit';
import { field, isNetworkPolicy } from '../policies';
import { hardenSelector } from '../selectors/harden';
import type { TransformContext } from '../types';
import { selectorKey } from './canonical';

/** Result id of a generated policy. */
export const GENERATE_RULE_ID = 'netpol-guard/egress-generate';

/** Result id of a policy with the generated name that selects other pods. */
export const GENERATE_CONFLICT_RULE_ID = 'netpol-guard/egress-generate-conflict';

/** The file `kpt fn render` writes a generated policy to. */
export function generatedPath(target: GenerateTarget): string {
  return target.path ?? (target.namespace === undefined ? `${target.name}.yaml` : `${target.namespace}/${target.name}.yaml`);
}

/** A new API-specific egress policy: no rules yet, its pod selector in matchExpressions form. */
export function generatedDocument(target: GenerateTarget): Document {
  const path = generatedPath(target);
  const doc = new (yamlLib().Document)({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: {
      name: target.name,
      ...(target.namespace === undefined ? {} : { namespace: target.namespace }),
      ...(target.labels === undefined ? {} : { labels: target.labels }),
      annotations: {
        'config.kubernetes.io/path': path,
        'config.kubernetes.io/index': '0',
        'internal.config.kubernetes.io/path': path,
        'internal.config.kubernetes.io/index': '0',
      },
    },
    spec: { podSelector: target.podSelector, policyTypes: ['Egress'], egress: [] },
  });
  hardenSelector(doc, ['spec', 'podSelector']);
  return doc;
}

/**
 * The policy a `generate` grant extends: one generated earlier in this run (`generated`,
 * keyed `namespace/name`), one already in the list (a second run, or a base that ships
 * it), or a new one. A same-named policy that selects other pods is refused: merging there
 * would open the ports to the wrong pods.
 */
export function generatedPolicy(
  context: TransformContext,
  target: GenerateTarget,
  subject: string,
  generated: Map<string, Item>,
): { item: Item | undefined; created: boolean; findings: Finding[] } {
  const namespace = target.namespace ?? '';
  const key = `${namespace}/${target.name}`;
  const existing =
    generated.get(key) ??
    context.items.find((item) => isNetworkPolicy(item) && item.ref.name === target.name && (item.ref.namespace ?? '') === namespace);
  if (existing !== undefined) {
    const have = readLabelSelector(field(field(current(existing), 'spec'), 'podSelector') ?? {});
    const want = readLabelSelector(target.podSelector);
    if (have !== undefined && want !== undefined && selectorKey(have) === selectorKey(want)) return { item: existing, created: false, findings: [] };
    return {
      item: undefined,
      created: false,
      findings: [
        {
          ruleId: GENERATE_CONFLICT_RULE_ID,
          severity: 'error',
          message: `${subject}: a policy named ${target.name} already exists and selects other pods`,
          itemIndex: existing.index,
          path: ['spec', 'podSelector'],
        },
      ],
    };
  }
  const doc = generatedDocument(target);
  const item = context.addItem(doc);
  adopt(item, doc);
  generated.set(key, item);
  return {
    item,
    created: true,
    findings: [{ ruleId: GENERATE_RULE_ID, severity: 'info', message: `${subject}: policy ${target.name} generated`, itemIndex: item.index, path: [] }],
  };
}
