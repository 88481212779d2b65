import type { Document } from 'yaml';
import type { FieldPath } from '../../krm/path';
import { yamlLib } from '../../krm/yaml-lib';

/**
 * Removes the given label keys from the `matchLabels` of the selector at `path` and
 * nothing else: an emptied `matchLabels: {}` stays (it selects what the author's selector
 * selected before the overlay touched it). Returns the keys removed, in written order.
 */
export function stripSelector(doc: Document, path: FieldPath, keys: readonly string[]): string[] {
  const { isAlias, isMap } = yamlLib();
  let labels: unknown = doc.getIn([...path, 'matchLabels'], true);
  if (isAlias(labels)) {
    // An anchored map may be shared (with metadata.labels, say): strip a copy of it instead.
    const shared = labels.resolve(doc);
    if (!isMap(shared)) return [];
    labels = doc.createNode(shared.toJSON());
    doc.setIn([...path, 'matchLabels'], labels);
  }
  if (!isMap(labels)) return [];
  const removed: string[] = [];
  for (const key of keys) if (labels.has(key) && labels.delete(key)) removed.push(key);
  return removed;
}
