import type { Finding } from '../krm/finding';
import type { Item } from '../krm/item';
import type { Config } from '../config/types';
import type { Document } from 'yaml';

/** What a transform may see and do. */
export interface TransformContext {
  readonly items: readonly Item[];
  readonly config: Config;
  /** Appends a generated item (e.g. an API-specific egress policy); returns it. */
  addItem(document: Document): Item;
}

/** One transform: one file, one entry in `registry.ts`. */
export interface Transform {
  /** Stable id, used in result tags (`netpol-guard/<id>`) and in docs. */
  readonly id: string;
  /** Whether the config asks for it (a transform that is off is never called). */
  enabled(config: Config): boolean;
  /** Edits items through `item.document()` and reports each change as a finding. */
  run(context: TransformContext): Finding[];
}
