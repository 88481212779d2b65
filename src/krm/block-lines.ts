import { plainKeyColon } from './block-value';
import type { FieldPath } from './path';

/**
 * Finds the lines of a field in block-style YAML text (what kustomize, kpt and kubectl
 * emit), so a transform can rewrite a few lines instead of re-emitting the whole item.
 * It answers only for plain block layout; flow style, quoted keys, anchors or anything
 * unexpected return `undefined` and the caller takes the Document path. Callers verify
 * the patched text by parsing it, so a wrong answer can cost time but never data.
 */

/** The lines of one `key:` entry whose value is a block on the following lines. */
export interface BlockEntry {
  /** Index of the `key:` line. */
  readonly keyLine: number;
  /** One past the entry's last line. */
  readonly end: number;
  /** Column of the key. */
  readonly column: number;
}

/** A block mapping: its line range and the column of its keys. */
export interface MappingScope {
  readonly from: number;
  readonly to: number;
  readonly column: number;
  /** A sequence item's first key stands on its `- ` line, after the dash. */
  readonly dashLine?: number;
}


const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const RETURN = 13;
const TAB = 9;

/**
 * Line-level view of a text whose every line carries its real indentation. Lines are
 * offsets into the text, not strings of their own: policies are patched by the
 * thousand, and a line string is wanted only for the few lines that are patched or
 * parsed.
 */
export class BlockLines {
  /** Lines as `text.split('\n')` has them (a final newline ends in one empty line). */
  readonly count: number;
  private readonly starts: Int32Array;
  /** Per line: its indentation, or -1 for a blank or comment line (asked for again and again). */
  private readonly indents: Int32Array;
  /** Sequence items by the line of the entry whose value they are. */
  private readonly itemsOf = new Map<number, MappingScope[] | undefined>();
  /** Plain keys by scope (see `keysIn`). */
  private readonly keysOf = new Map<number, Map<string, number> | undefined>();

  constructor(readonly text: string) {
    let count = 1;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
    this.count = count;
    this.starts = new Int32Array(count);
    this.indents = new Int32Array(count);
    let line = 0;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts[++line] = at + 1;
    for (let i = 0; i < count; i++) {
      const start = this.starts[i]!;
      const end = this.lineEnd(i);
      let at = start;
      while (at < end && text.charCodeAt(at) === SPACE) at++;
      const code = text.charCodeAt(at);
      this.indents[i] = at >= end || code === HASH || code === RETURN ? -1 : at - start;
    }
  }

  /** One line's text, without its newline. */
  line(i: number): string {
    return this.text.slice(this.starts[i], this.lineEnd(i));
  }

  /** Lines `from` up to `to` as one text, as `lines.slice(from, to).join('\n')`. */
  linesText(from: number, to: number): string {
    return this.text.slice(this.starts[from], this.lineEnd(to - 1));
  }

  /** The text with line ranges replaced by new lines (each range by at least one line). */
  spliced(edits: readonly { from: number; to: number; lines: readonly string[] }[]): string {
    let out = '';
    let at = 0;
    for (const { from, to, lines } of [...edits].sort((a, b) => a.from - b.from)) {
      out += this.text.slice(at, this.starts[from]) + lines.join('\n');
      if (to < this.count) {
        out += '\n';
        at = this.starts[to]!;
      } else at = this.text.length;
    }
    return out + this.text.slice(at);
  }

  /** The entry at `path` (ending in a key), if the path runs through block mappings and sequences. */
  entryAt(path: FieldPath): BlockEntry | undefined {
    let scope: MappingScope | undefined = this.root();
    let entry: BlockEntry | undefined;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i]!;
      if (scope === undefined || typeof segment !== 'string') return undefined;
      entry = this.findKey(scope, segment);
      if (entry === undefined) return undefined;
      const next = path[i + 1];
      if (next === undefined) break;
      scope = typeof next === 'number' ? this.sequenceItem(entry, next) : this.valueMapping(entry);
      if (typeof next === 'number') i++;
    }
    return entry;
  }

  /** The mapping the whole text is. */
  root(): MappingScope {
    return { from: 0, to: this.count, column: this.indent(0) };
  }

  /**
   * The key lines directly in a mapping, by key, when every key is a plain word (`ports:`,
   * `app.kubernetes.io/name:`), so a key missing from the answer is truly absent: not
   * written quoted, as a complex or merge key, or in a flow mapping. One pass over the
   * mapping, however many keys the caller wants; `undefined` when a key is not plain.
   */
  private plainKeyLines(scope: MappingScope): Map<string, number> | undefined {
    const keys = new Map<string, number>();
    for (let i = scope.from; i < scope.to; i++) {
      if (!this.isContent(i) || this.columnOf(i, scope) !== scope.column) continue;
      const at = this.starts[i]! + scope.column;
      // a compact sequence under the previous key
      if (i !== scope.dashLine && this.isDash(at)) continue;
      const colon = plainKeyColon(this.text, at, this.lineEnd(i));
      if (colon === -1) return undefined;
      const key = this.text.slice(at, colon);
      if (!keys.has(key)) keys.set(key, i);
    }
    return keys;
  }

  /** The entry whose key stands on a line of a mapping (a line `plainKeyLines` gave). */
  private entryOn(scope: MappingScope, keyLine: number): BlockEntry {
    return { keyLine, end: this.entryEnd(keyLine, scope), column: scope.column };
  }

  /** The items of a block sequence that is an entry's value, or `undefined` for any other value. */
  private sequenceItems(entry: BlockEntry): MappingScope[] | undefined {
    // paths through one list come back for each of its items
    if (this.itemsOf.has(entry.keyLine)) return this.itemsOf.get(entry.keyLine);
    const items = this.findSequenceItems(entry);
    this.itemsOf.set(entry.keyLine, items);
    return items;
  }

  private findSequenceItems(entry: BlockEntry): MappingScope[] | undefined {
    if (!this.valueIsBlock(entry)) return undefined;
    const dashes: number[] = [];
    let column = -1;
    for (let i = entry.keyLine + 1; i < entry.end; i++) {
      if (!this.isContent(i)) continue;
      if (column === -1) column = this.indent(i);
      if (this.indent(i) === column) {
        if (!this.isDash(this.starts[i]! + column)) return undefined;
        dashes.push(i);
      }
    }
    if (dashes.length === 0) return undefined;
    const items: MappingScope[] = [];
    for (const [index, dash] of dashes.entries()) {
      const start = this.starts[dash]!;
      const end = this.lineEnd(dash);
      let at = start + column + 1;
      while (at < end && this.text.charCodeAt(at) === SPACE) at++;
      // `- ` followed by nothing or a comment: the item's value starts on a later line
      if (at >= end || this.text.charCodeAt(at) === HASH) return undefined;
      items.push({ from: dash, to: dashes[index + 1] ?? entry.end, column: at - start, dashLine: dash });
    }
    return items;
  }

  /** The block mapping that is the value of an entry. */
  valueMapping(entry: BlockEntry): MappingScope | undefined {
    if (!this.valueIsBlock(entry)) return undefined;
    const first = this.firstContent(entry.keyLine + 1, entry.end);
    if (first === -1 || this.indent(first) <= entry.column || this.text.charCodeAt(this.starts[first]! + this.indent(first)) === DASH) return undefined;
    return { from: first, to: entry.end, column: this.indent(first) };
  }

  /** Direct `key: value` lines of a block mapping value, or `undefined` when any is not simple. */
  simplePairs(entry: BlockEntry): { key: string; value: string }[] | undefined {
    const scope = this.valueMapping(entry);
    if (scope === undefined) return undefined;
    const pairs: { key: string; value: string }[] = [];
    for (let i = entry.keyLine + 1; i < entry.end; i++) {
      const line = this.line(i);
      if (line.trim() === '') continue;
      if (this.indent(i) !== scope.column || line.includes('#')) return undefined;
      const content = line.slice(scope.column);
      const split = content.indexOf(': ');
      if (split <= 0 || /^['"]/.test(content)) return undefined;
      const value = content.slice(split + 2).trim();
      if (value === '' || /^[&*!|>{[]/.test(value)) return undefined;
      pairs.push({ key: content.slice(0, split), value });
    }
    return pairs;
  }

  /**
   * Whether block sequences sit under their key (`compact`) or two columns in (`wide`): a
   * `key:` line (not itself a `- ` item) followed at once by a `- ` line. Any compact one
   * makes the text compact, as kustomize and kpt write it.
   */
  sequenceStyle(): 'compact' | 'wide' {
    let wide = false;
    for (let i = 0; i + 1 < this.count; i++) {
      const indent = this.indents[i]!;
      const start = this.starts[i]!;
      const end = this.lineEnd(i);
      if (indent === -1 || end - start - indent < 2 || this.text.charCodeAt(start + indent) === DASH || this.text.charCodeAt(end - 1) !== COLON) continue;
      const next = this.starts[i + 1]!;
      const nextIndent = this.indents[i + 1]!;
      if (nextIndent === indent && this.isDash(next + indent)) return 'compact';
      if (nextIndent === indent + 2 && this.isDash(next + indent + 2)) wide = true;
    }
    return wide ? 'wide' : 'compact';
  }

  /** The entry for `key` directly in a mapping scope. */
  findKey(scope: MappingScope, key: string): BlockEntry | undefined {
    // a key is looked for within one line
    if (key.includes('\n')) return undefined;
    // paths through one mapping come back for each selector below it: learn its keys once
    const known = this.keysIn(scope);
    if (known !== undefined) {
      const line = known.get(key);
      return line === undefined ? undefined : this.entryOn(scope, line);
    }
    for (let i = scope.from; i < scope.to; i++) {
      if (!this.isContent(i) || this.columnOf(i, scope) !== scope.column) continue;
      const at = this.starts[i]! + scope.column;
      const colon = at + key.length;
      if (this.text.startsWith(key, at) && this.text.charCodeAt(colon) === COLON && (colon + 1 === this.lineEnd(i) || this.text.charCodeAt(colon + 1) === SPACE)) {
        return { keyLine: i, end: this.entryEnd(i, scope), column: scope.column };
      }
    }
    return undefined;
  }

  /** Whether the entry's value sits on the lines below its key (`key:` alone). */
  valueIsBlock(entry: BlockEntry): boolean {
    const end = this.lineEnd(entry.keyLine);
    const colon = this.text.indexOf(':', this.starts[entry.keyLine]! + entry.column);
    if (colon === -1 || colon >= end) return false;
    for (let at = colon + 1; at < end; at++) {
      const code = this.text.charCodeAt(at);
      // what `trim` takes away: space, tab to carriage return, and (rarely) other white space
      if (code !== SPACE && !(code >= TAB && code <= RETURN) && !(code > 127 && /\s/.test(this.text[at]!))) return false;
    }
    return true;
  }

  /** `plainKeyLines` of a scope, once per scope. */
  private keysIn(scope: MappingScope): Map<string, number> | undefined {
    // a scope is known by its first line and column (a mapping value never starts on a `- ` line)
    const id = scope.from * 4194304 + Math.min(scope.column, 4194303);
    if (this.keysOf.has(id)) return this.keysOf.get(id);
    const keys = this.plainKeyLines(scope);
    this.keysOf.set(id, keys);
    return keys;
  }

  private sequenceItem(entry: BlockEntry, index: number): MappingScope | undefined {
    return this.sequenceItems(entry)?.[index];
  }

  private entryEnd(keyLine: number, scope: MappingScope): number {
    for (let i = keyLine + 1; i < scope.to; i++) {
      if (!this.isContent(i)) continue;
      const column = this.columnOf(i, scope);
      // a compact sequence may sit at the key's own column
      if (column < scope.column || (column === scope.column && !this.isDash(this.starts[i]! + this.indent(i)))) return this.trimBack(keyLine, i);
    }
    return this.trimBack(keyLine, scope.to);
  }

  /** Leaves trailing blank lines and comments to what follows. */
  private trimBack(from: number, to: number): number {
    let end = to;
    while (end - 1 > from && !this.isContent(end - 1)) end--;
    return end;
  }

  private columnOf(line: number, scope: MappingScope): number {
    return line === scope.dashLine ? scope.column : this.indent(line);
  }

  /** A line's indentation; for a blank or comment line, its leading whitespace. */
  indent(line: number): number {
    const known = this.indents[line] ?? -1;
    if (known !== -1) return known;
    const text = this.line(line);
    return text.length - text.trimStart().length;
  }

  /** `- ` at an offset: a block sequence item's indicator. */
  private isDash(at: number): boolean {
    return this.text.charCodeAt(at) === DASH && this.text.charCodeAt(at + 1) === SPACE;
  }

  private lineEnd(i: number): number {
    return i + 1 < this.count ? this.starts[i + 1]! - 1 : this.text.length;
  }

  private isContent(line: number): boolean {
    return (this.indents[line] ?? -1) !== -1;
  }

  private firstContent(from: number, to: number): number {
    for (let i = from; i < to; i++) if (this.isContent(i)) return i;
    return -1;
  }
}

/** Whether block sequences in a text sit under their key (`compact`) or two columns in (`wide`). */
export function sequenceStyle(text: string): 'compact' | 'wide' {
  return new BlockLines(text).sequenceStyle();
}
