import type { Item } from '../krm/item';
import type { ApiVerdict } from './api/check';
import { checkNetworkPolicy } from './api/check';
import { viewOf } from './context';
import type { ValidateContext } from './types';

const verdicts = new WeakMap<ValidateContext, Map<Item, ApiVerdict>>();

/** The API server's verdict on a NetworkPolicy item, computed once per context and item. */
export function verdictOf(context: ValidateContext, item: Item): ApiVerdict {
  let byItem = verdicts.get(context);
  if (byItem === undefined) {
    byItem = new Map();
    verdicts.set(context, byItem);
  }
  let verdict = byItem.get(item);
  if (verdict === undefined) {
    verdict = checkNetworkPolicy(item.value, viewOf(context).version);
    byItem.set(item, verdict);
  }
  return verdict;
}
