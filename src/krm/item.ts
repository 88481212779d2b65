import type { Document } from 'yaml';

/** Where an item came from: the `config.kubernetes.io/path` and `index` annotations. */
export interface ItemFile {
  readonly path: string;
  readonly index: number;
}

/** Identity of an item, as a KRM result's `resourceRef` names it. */
export interface ResourceRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/**
 * Line-level access to an item's text, for transforms that patch lines instead of
 * building a Document (much cheaper for large lists).
 */
export interface ItemText {
  /** The item's current text; its first line is padded to the item's column, so every line carries its real indentation. */
  read(): string;
  /**
   * Replaces the item's text (in the form `read()` gives). Pass `value` when the caller
   * has already parsed the new text, so it is not parsed again; otherwise it is re-read.
   */
  write(text: string, value?: unknown): void;
}

/**
 * One item of the ResourceList (or one document of a plain stream). Untouched items are
 * written back as their original text; calling `document()` hands out the editable
 * `yaml` Document and the item is re-emitted from it.
 */
export interface Item {
  /** Position in the input list; new items get the next free index. */
  readonly index: number;
  readonly ref: ResourceRef;
  readonly file: ItemFile | undefined;
  /** Plain JSON-like value (maps are null-prototype-safe: `__proto__` is an ordinary key). */
  readonly value: unknown;
  /** The editable Document for this item; first call parses it. */
  document(): Document;
  /** Text access, where the item has source text (items read from the input). */
  readonly text?: ItemText | undefined;
}

/** A Document for a new item a transform generates (appended after the input items). */
export interface NewItem {
  readonly document: Document;
}
