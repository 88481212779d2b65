import { composeNode } from './cst';
import { InputError } from './errors';
import type { ItemFile } from './item';
import { SourceItem } from './items';
import { readLayout, type InputLayout } from './read';
import { readSource, type Source } from './source';

/** One input (stdin, or one file): its text, structure and items. */
export interface Input {
  readonly source: Source;
  readonly layout: InputLayout;
  readonly items: readonly SourceItem[];
  /** The ResourceList's functionConfig value (`undefined` when absent). */
  readonly functionConfig: unknown;
  /** Results an earlier function left in the ResourceList. */
  readonly earlierResults: readonly unknown[];
  /** The file it was read from, in file mode. */
  readonly fileName: string | undefined;
}

/** Options for reading one input. */
export interface ReadOptions {
  readonly maxBytes?: number;
  /** Index of this input's first item among all inputs. */
  readonly firstIndex?: number;
  /** In file mode: items are known by this file and their document index. */
  readonly fileName?: string;
}

/** Reads an input; throws `InputError` when it cannot be read as a whole. */
export function readInput(raw: string | Uint8Array, options: ReadOptions = {}): Input {
  const source = readSource(raw, options.maxBytes);
  const layout = readLayout(source);
  const first = options.firstIndex ?? 0;
  const items = layout.slots.map((slot, i) => {
    const file: ItemFile | undefined = options.fileName === undefined ? undefined : { path: options.fileName, index: i };
    return SourceItem.fromSlot(first + i, slot, source.text, file);
  });
  return {
    source,
    layout,
    items,
    functionConfig: layout.functionConfig === undefined ? undefined : plainOf(layout.functionConfig, 'functionConfig'),
    earlierResults: earlierResults(layout),
    fileName: options.fileName,
  };
}

function plainOf(token: Parameters<typeof composeNode>[0], what: string): unknown {
  const document = composeNode(token);
  const error = document.errors[0];
  if (error !== undefined) throw new InputError('bad-function-config', `${what} is not valid YAML: ${error.message.split('\n')[0]}`);
  try {
    return document.toJS({ maxAliasCount: 100 });
  } catch {
    throw new InputError('bad-function-config', `${what} could not be read (too many aliases or too deep)`);
  }
}

function earlierResults(layout: InputLayout): unknown[] {
  if (layout.results === undefined) return [];
  const value = plainOf(layout.results.token, 'results');
  return Array.isArray(value) ? value : [];
}
