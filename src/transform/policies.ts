import type { Item } from '../krm/item';
import { isMapping } from '../krm/path';

/**
 * Whether an item is a NetworkPolicy of `networking.k8s.io`, the group kustomize's label
 * fieldspecs name (a same-named kind of another group is left alone, as kustomize does).
 */
export function isNetworkPolicy(item: Item): boolean {
  return item.ref.kind === 'NetworkPolicy' && item.ref.apiVersion.startsWith('networking.k8s.io/');
}

/** Own-property lookup, so `__proto__` and friends are ordinary keys. */
export function field(value: unknown, key: string): unknown {
  return isMapping(value) && Object.prototype.hasOwnProperty.call(value, key) ? value[key] : undefined;
}
