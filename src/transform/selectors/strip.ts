import { isMap, type Document } from 'yaml';
import type { FieldPath } from '../../krm/path';

/**
 * Removes the given label keys from the `matchLabels` of the selector at `path` and
 * nothing else: an emptied `matchLabels: {}` stays (it selects what the author's selector
 * selected before the overlay touched it). Returns the keys removed, in written order.
 */
export function stripSelector(doc: Document, path: FieldPath, keys: readonly string[]): string[] {
  const labels: unknown = doc.getIn([...path, 'matchLabels'], true);
  if (!isMap(labels)) return [];
  const removed: string[] = [];
  for (const key of keys) if (labels.has(key) && labels.delete(key)) removed.push(key);
  return removed;
}
