import { InputError } from './errors';
import type { ItemFile } from './item';
import { SourceItem } from './items';
import { parseValue } from './parse-item';
import { readLayout, type InputLayout, type Span } from './read';
import { positionOf, readSource, type Source } from './source';

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
  if (layout.mode === 'resource-list') checkSharedAnchors(source, layout.slots);
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
  // the same reader as items: fast for the usual case, alias-limited, depth-limited
  const parsed = parseValue(source.text.slice(span.start, span.end), 1);
  if ('problem' in parsed) throw new InputError(key === 'results' ? 'bad-earlier-results' : 'bad-function-config', `ResourceList.${key} could not be read: ${parsed.problem.message}`);
  const value = parsed.value as Record<string, unknown> | null;
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, key) ? value[key] ?? undefined : undefined;
}

const ANY_ALIAS = /(?:^|[\s[{,])\*[^\s,[\]{}]/;
const ANCHORS = /(?:^|[\s[{,])&([^\s,[\]{}]+)/g;
const ALIASES = /(?:^|[\s[{,])\*([^\s,[\]{}]+)/g;

/**
 * Items are read, edited and written one at a time, so an alias in one item may not point
 * at an anchor in another: an edit could drop the anchor and leave the output unreadable.
 */
function checkSharedAnchors(source: Source, slots: readonly Span[]): void {
  if (!source.text.includes('*') || !ANY_ALIAS.test(source.text)) return;
  const names = (slot: Span, pattern: RegExp) => new Set([...source.text.slice(slot.start, slot.end).matchAll(pattern)].map((match) => match[1]!));
  const anchors = slots.map((slot) => names(slot, ANCHORS));
  slots.forEach((slot, i) => {
    for (const alias of names(slot, ALIASES)) {
      const owner = anchors[i]!.has(alias) ? -1 : anchors.findIndex((defined) => defined.has(alias));
      if (owner === -1) continue;
      const message = `items[${i}] uses the alias *${alias} of an anchor in items[${owner}]: items are read one at a time, so each must hold its own anchors`;
      throw new InputError('shared-anchor', message, positionOf(source.text, slot.start));
    }
  });
}
