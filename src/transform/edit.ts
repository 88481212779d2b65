import type { Document } from 'yaml';
import type { Item } from '../krm/item';

/*
 * `item.value` is the item as it was read. Once a transform edits an item, later edits
 * (by the same or a later transform) must see the edited data, so every transform takes
 * documents through `edit` and reads through `current`.
 */
const taken = new WeakMap<Item, Document>();

/** The item's editable Document (taking it marks the item for re-emission). */
export function edit(item: Item): Document {
  const known = taken.get(item);
  if (known !== undefined) return known;
  const doc = item.document();
  taken.set(item, doc);
  return doc;
}

/** Records the Document of an item a transform generated, so `current` follows its edits. */
export function adopt(item: Item, doc: Document): void {
  taken.set(item, doc);
}

/** The item's data including the edits made so far; the read value if it was never edited. */
export function current(item: Item): unknown {
  const doc = taken.get(item);
  return doc === undefined ? item.value : doc.toJS();
}
