import type { Document, Pair, YAMLMap } from 'yaml';
import { yamlLib } from '../krm/yaml-lib';
import type { FieldPath } from '../krm/path';

/** The map node at `path`, or `undefined` when the node there is not a map. */
export function mapAt(doc: Document, path: FieldPath): YAMLMap | undefined {
  const node: unknown = path.length === 0 ? doc.contents : doc.getIn(path, true);
  return yamlLib().isMap(node) ? node : undefined;
}

/** Index of the pair whose key is the plain string `key`, or -1. */
export function pairIndex(map: YAMLMap, key: string): number {
  return map.items.findIndex((pair: Pair) => (yamlLib().isScalar(pair.key) ? pair.key.value : pair.key) === key);
}
