import { isMap, isScalar, type Document, type Pair, type YAMLMap } from 'yaml';
import type { FieldPath } from '../krm/path';

/** The map node at `path`, or `undefined` when the node there is not a map. */
export function mapAt(doc: Document, path: FieldPath): YAMLMap | undefined {
  const node: unknown = path.length === 0 ? doc.contents : doc.getIn(path, true);
  return isMap(node) ? node : undefined;
}

/** Index of the pair whose key is the plain string `key`, or -1. */
export function pairIndex(map: YAMLMap, key: string): number {
  return map.items.findIndex((pair: Pair) => (isScalar(pair.key) ? pair.key.value : pair.key) === key);
}
