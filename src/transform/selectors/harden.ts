import type { Document, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { FieldPath } from '../../krm/path';
import { yamlLib } from '../../krm/yaml-lib';
import { mapAt, pairIndex } from '../yaml-nodes';

/**
 * Rewrites the selector at `path` so kustomize's label transformer cannot reach it: each
 * `matchLabels` entry becomes `key In [value]` in `matchExpressions`, and the `matchLabels`
 * key goes away entirely (an emptied `matchLabels: {}` would still be filled). Existing
 * expressions keep their place and order; new ones follow in the order the labels were
 * written, skipping any already present. Comments travel with the entries they annotate.
 * Returns whether the document changed.
 */
export function hardenSelector(doc: Document, path: FieldPath): boolean {
  const { isAlias, isMap, isScalar, isSeq } = yamlLib();
  const selector = mapAt(doc, path);
  if (selector === undefined) return false;
  const labelsAt = pairIndex(selector, 'matchLabels');
  const labelsPair = selector.items[labelsAt];
  // `matchLabels: *anchor` is read through (the anchored map itself is left as it is).
  const labels: unknown = isAlias(labelsPair?.value) ? labelsPair.value.resolve(doc) : labelsPair?.value;
  if (labelsPair === undefined || !isMap(labels)) return false;
  const expressionsAt = pairIndex(selector, 'matchExpressions');
  const existingPair = selector.items[expressionsAt];
  const existing: YAMLSeq | undefined = existingPair !== undefined && isSeq(existingPair.value) ? existingPair.value : undefined;
  const present = new Set((existing?.toJSON() as unknown[] | undefined)?.map(requirementKey));

  const added = labels.items.flatMap((pair: Pair, index: number) => {
    const key = isScalar(pair.key) ? pair.key.value : undefined;
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof key !== 'string' || typeof value !== 'string') return [];
    if (present.has(requirementKey({ key, operator: 'In', values: [value] }))) return [];
    present.add(requirementKey({ key, operator: 'In', values: [value] }));
    const expression = doc.createNode({ key, operator: 'In', values: [value] }) as YAMLMap;
    carryComments(expression, pair, index === 0 ? labels.commentBefore : undefined);
    return [expression];
  });

  if (existing !== undefined) {
    existing.items.push(...added);
    selector.items.splice(labelsAt, 1);
  } else {
    const expressions = doc.createNode([]) as YAMLSeq;
    expressions.items.push(...added);
    // A `matchExpressions: null` is dropped too: the new list replaces it.
    if (expressionsAt >= 0) selector.items.splice(expressionsAt, 1);
    const replacement = doc.createPair('matchExpressions', expressions);
    const at = expressionsAt >= 0 && expressionsAt < labelsAt ? labelsAt - 1 : labelsAt;
    selector.items.splice(at, 1, ...(added.length > 0 ? [replacement] : []));
    const keyComment = isScalar(labelsPair.key) ? labelsPair.key.commentBefore : undefined;
    if (keyComment && isScalar(replacement.key)) replacement.key.commentBefore = keyComment;
  }
  const trailing = joinComments(selector.comment, labels.comment);
  if (trailing !== undefined) selector.comment = trailing;
  // An emptied block map would print `{}` on a line of its own; `podSelector: {}` reads as meant.
  if (selector.items.length === 0) selector.flow = true;
  return true;
}

/** Moves a label entry's comments onto the expression that replaces it, keeping its quoting. */
function carryComments(expression: YAMLMap, pair: Pair, leading: string | null | undefined): void {
  const { isScalar, isSeq } = yamlLib();
  const before = joinComments(leading, isScalar(pair.key) ? pair.key.commentBefore : undefined);
  if (before !== undefined) expression.commentBefore = before;
  const values = expression.get('values', true);
  const first = isSeq(values) ? values.items[0] : undefined;
  if (!isScalar(first) || !isScalar(pair.value)) return;
  if (pair.value.type !== undefined) first.type = pair.value.type;
  if (pair.value.comment) first.comment = pair.value.comment;
}

function joinComments(a: string | null | undefined, b: string | null | undefined): string | undefined {
  const parts = [a, b].filter((part): part is string => typeof part === 'string' && part !== '');
  return parts.length === 0 ? undefined : parts.join('\n');
}

/** Identity of a requirement for de-duplication, whatever order its fields were written in. */
function requirementKey(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  const { key, operator, values } = value as { key?: unknown; operator?: unknown; values?: unknown };
  return JSON.stringify([key, operator, values]);
}
