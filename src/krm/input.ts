import { parse } from 'yaml';
import { PARSE_OPTIONS } from './cst';
import { InputError } from './errors';
import type { ItemFile } from './item';
import { SourceItem } from './items';
import { MAX_ALIAS_COUNT } from './parse-item';
import { readLayout, type InputLayout, type Span } from './read';
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
  const lines = lineNumbers(source.text, layout.slots.map((slot) => slot.start));
  const items = layout.slots.map((slot, i) => {
    const file: ItemFile | undefined = options.fileName === undefined ? undefined : { path: options.fileName, index: i };
    return SourceItem.fromSlot(first + i, slot, source.text, lines[i]!, file);
  });
  const results = entryValue(source, layout.results, 'results');
  return {
    source,
    layout,
    items,
    functionConfig: entryValue(source, layout.functionConfig, 'functionConfig'),
    earlierResults: Array.isArray(results) ? results : [],
    fileName: options.fileName,
  };
}

/** 1-based line numbers of ascending offsets, counted in one pass. */
function lineNumbers(text: string, offsets: readonly number[]): number[] {
  const out: number[] = [];
  let line = 1;
  let at = 0;
  for (const offset of offsets) {
    for (let i = text.indexOf('\n', at); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
    at = offset;
    out.push(line);
  }
  return out;
}

function entryValue(source: Source, span: Span | undefined, key: string): unknown {
  if (span === undefined) return undefined;
  try {
    const value = parse(source.text.slice(span.start, span.end), { ...PARSE_OPTIONS, maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown> | null;
    return value?.[key] ?? undefined;
  } catch (error) {
    throw new InputError('bad-function-config', `ResourceList.${key} could not be read: ${(error as Error).message.split('\n')[0]}`);
  }
}
