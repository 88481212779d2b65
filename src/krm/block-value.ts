import { CORE_SCALAR_TYPES, jsYamlLib } from './js-yaml-lib';
import { isMapping, setOwn } from './path';

/**
 * Plain data read straight from block-style YAML, line by line, for the shape kustomize,
 * kpt and kubectl write: block mappings with plain keys, block sequences, one-line
 * scalars (plain words, quotes without escapes), one-line flow collections of plain
 * words (`[Ingress, Egress]`, `{port: 53}`) and literal block scalars. Parsing a whole
 * policy with js-yaml costs several times more, and thousands of them are read per render.
 *
 * Other values (folded or kept block scalars, nested flow collections, escaped quotes)
 * are parsed by js-yaml entry by entry. It declines (returns `undefined`) on anything else: quoted or
 * complex keys, tabs, CR, non-ASCII text, duplicate or non-string keys, indentation
 * js-yaml would reject or read another way, an entry that does not parse. The caller
 * then parses the whole text, which also reports any error. Every line is accounted
 * for, so an answer means the text is valid YAML with exactly this value
 * (test/krm/block-value.test.ts holds it to js-yaml on generated and mutated texts).
 * Texts with aliases are the caller's to route (to `yaml`, which limits expansion).
 */
export function readBlockValue(text: string, maxDepth: number, wanted: Wanted = true): Record<string, unknown> | undefined {
  if (OUTSIDE_ASCII.test(text)) return undefined;
  const reader = new LineReader(text, maxDepth);
  try {
    return reader.document(wanted);
  } catch (error) {
    if (error === DECLINED) return undefined;
    throw error;
  }
}

/**
 * Which parts of a value to read: all of it, some keys of a mapping, or the same parts of
 * each item of a sequence. The lines of entries left out are skipped unread, so a YAML
 * error there goes unseen; a wanted key that is not found is truly absent, since every
 * key of a mapping read in part is still a plain key on its own line.
 */
export type Wanted = true | { readonly keys: Readonly<Record<string, Wanted>> } | { readonly each: Wanted };

// Tabs, CR, control and non-ASCII characters: js-yaml has rules for each, so it reads them.
const OUTSIDE_ASCII = /[^\n\x20-\x7e]/;
/** Characters of a plain key (`[A-Za-z0-9_.\/-]`; the first one `[A-Za-z0-9_]`): no quotes, no `<<`, no `? `. */
const KEY_CHAR = charTable('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./-');
const KEY_FIRST = charTable('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_');
/**
 * A one-line plain scalar: words of letters, digits and `_./=+-:` (a `:` only inside a
 * word), separated by spaces, starting with no indicator. No `#`, so no comment.
 */
const PLAIN_SCALAR = /[A-Za-z0-9_./](?:[A-Za-z0-9_./=+-]|:(?=[A-Za-z0-9_./=+-]))*(?: +[A-Za-z0-9_./=+-](?:[A-Za-z0-9_./=+-]|:(?=[A-Za-z0-9_./=+-]))*)*(?= *(?:\n|$)| +#)/y;
/** A word as a plain scalar in a flow collection (no `:`, `,`, brackets or spaces). */
const FLOW_WORD = '[A-Za-z0-9_./][A-Za-z0-9_./=+-]*';
const FLOW_KEY = '[A-Za-z0-9_][A-Za-z0-9_./-]*';
/** One-line flow collections of plain words: `[Ingress, Egress]`, `{port: 53, protocol: UDP}`. */
const FLOW_SEQUENCE = new RegExp(`\\[ *(${FLOW_WORD}(?: *, *${FLOW_WORD})*) *\\](?= *(?:\\n|$)| +#)`, 'y');
const FLOW_MAPPING = new RegExp(`\\{ *(${FLOW_KEY}: +${FLOW_WORD}(?: *, *${FLOW_KEY}: +${FLOW_WORD})*) *\\}(?= *(?:\\n|$)| +#)`, 'y');
const FLOW_SEPARATOR = / *, */;
const FLOW_PAIR = /: +/;
/** Quoted scalars on one line that mean exactly what is between the quotes (no escapes, no `''`). */
const SINGLE_QUOTED = /'([^'\n]*)'(?= *(?:\n|$)| +#)/y;
const DOUBLE_QUOTED = /"([^"\\\n]*)"(?= *(?:\n|$)| +#)/y;

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const PIPE = 124;
const COLON = 58;

/** Thrown inside the reader on anything outside its subset; never escapes `readBlockValue`. */
const DECLINED = new Error('not plain block YAML');

function decline(): never {
  throw DECLINED;
}

/** What `scalar` and `node` answer for a value the line rules do not cover. */
const NOT_READ = Symbol('not read');

/**
 * The reader walks content lines (blank and comment lines dropped) with one cursor. A
 * `- ` item's content is read as a line of its own at the column after the dash, which
 * is how YAML nests a mapping or a sequence inside an item. A value the line rules do
 * not cover (a block scalar, a flow collection, an escaped quote) is handed to js-yaml
 * with the lines it owns: up to the next content line at or left of its key or dash,
 * the first line YAML cannot read as part of it.
 */
class LineReader {
  /** Per content line: the column its content starts at. */
  private readonly columns: number[] = [];
  /** Per content line: offsets of its content's start and end (trailing spaces dropped). */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Per content line: offset of the line's own start. */
  private readonly lineStarts: number[] = [];
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {
    let lineStart = 0;
    while (lineStart <= text.length) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd === -1) lineEnd = text.length;
      let start = lineStart;
      while (start < lineEnd && text.charCodeAt(start) === SPACE) start++;
      if (start < lineEnd && text.charCodeAt(start) !== HASH) {
        let end = lineEnd;
        while (text.charCodeAt(end - 1) === SPACE) end--;
        this.columns.push(start - lineStart);
        this.starts.push(start);
        this.ends.push(end);
        this.lineStarts.push(lineStart);
      }
      lineStart = lineEnd + 1;
    }
  }

  /** The whole text as one mapping, every line used. */
  document(wanted: Wanted): Record<string, unknown> {
    if (this.columns.length === 0 || this.isDash(0) || !this.isKey(0)) decline();
    const value = this.mapping(this.columns[0]!, 0, wanted);
    if (this.at !== this.columns.length) decline();
    return value;
  }

  /** The block node whose first line is the current line, at its column. */
  private node(column: number, depth: number, wanted: Wanted): unknown {
    if (this.isDash(this.at)) return this.sequence(column, depth, wanted);
    if (this.isKey(this.at)) return this.mapping(column, depth, wanted);
    return NOT_READ;
  }

  private mapping(column: number, depth: number, wanted: Wanted): Record<string, unknown> {
    if (depth >= this.maxDepth) decline();
    const keys = wanted !== true && 'keys' in wanted ? wanted.keys : undefined;
    const out: Record<string, unknown> = {};
    while (this.at < this.columns.length && this.columns[this.at] === column) {
      const line = this.at++;
      const colon = this.keyColon(line);
      if (colon === -1) decline();
      const key = this.text.slice(this.starts[line], colon);
      if (!isStringScalar(key) || Object.prototype.hasOwnProperty.call(out, key)) decline();
      const want = keys === undefined ? true : Object.prototype.hasOwnProperty.call(keys, key) ? keys[key]! : undefined;
      if (want === undefined) {
        this.skipEntry(column);
        continue;
      }
      let valueStart = colon + 1;
      const end = this.ends[line]!;
      while (valueStart < end && this.text.charCodeAt(valueStart) === SPACE) valueStart++;
      // a comment after the key leaves the value to the lines below
      if (this.text.charCodeAt(valueStart) === HASH) valueStart = end;
      let value: unknown;
      if (valueStart < end) value = this.text.charCodeAt(valueStart) === PIPE ? this.literal(line, valueStart, column) : this.scalar(valueStart, end);
      else if (this.nextColumn() > column) value = this.node(this.nextColumn(), depth + 1, want);
      // a block sequence may stand at its key's column
      else if (this.nextColumn() === column && this.isDash(this.at)) value = this.sequence(column, depth + 1, want);
      else value = null;
      if (value === NOT_READ) value = this.parsedEntry(line, column, key);
      // the entry took every line it can own: a deeper line would continue a scalar or be an error
      else if (this.nextColumn() > column) decline();
      setOwn(out, key, value);
    }
    return out;
  }

  private sequence(column: number, depth: number, wanted: Wanted): unknown[] {
    if (depth >= this.maxDepth) decline();
    const each = wanted !== true && 'each' in wanted ? wanted.each : true;
    const out: unknown[] = [];
    while (this.at < this.columns.length && this.columns[this.at] === column && this.isDash(this.at)) {
      const line = this.at;
      const dashStart = this.starts[line]!;
      let contentStart = dashStart + 1;
      const end = this.ends[line]!;
      while (contentStart < end && this.text.charCodeAt(contentStart) === SPACE) contentStart++;
      if (this.text.charCodeAt(contentStart) === HASH) contentStart = end;
      let item: unknown;
      if (contentStart === end) {
        this.at++;
        if (this.nextColumn() > column) item = this.node(this.nextColumn(), depth + 1, each);
        // js-yaml takes a `- ` line right after an empty item into this sequence, even from a column to the left
        else if (this.nextColumn() !== -1 && this.nextColumn() < column && this.isDash(this.at)) decline();
        else item = null;
      } else {
        // the item's content, read as a line that starts after the dash
        this.columns[line] = column + (contentStart - dashStart);
        this.starts[line] = contentStart;
        if (this.isDash(line) || this.isKey(line)) item = this.node(this.columns[line]!, depth + 1, each);
        else {
          this.at++;
          item = this.scalar(contentStart, end);
        }
      }
      if (item === NOT_READ) {
        this.columns[line] = column;
        this.starts[line] = dashStart;
        item = this.parsedItem(line, column);
      }
      // the item took every line it can own: a deeper line would continue a scalar or be an error
      else if (this.nextColumn() > column) decline();
      out.push(item);
    }
    return out;
  }

  /** A one-line scalar value from `start` to `end`, when the line rules cover it. */
  private scalar(start: number, end: number): unknown {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (end - start === 2 && (text.startsWith('{}', start) || text.startsWith('[]', start))) return first === 123 ? {} : [];
    if (first === 91 || first === 123) return flowCollection(text, start, first === 91 ? FLOW_SEQUENCE : FLOW_MAPPING);
    const pattern = first === 39 ? SINGLE_QUOTED : first === 34 ? DOUBLE_QUOTED : PLAIN_SCALAR;
    pattern.lastIndex = start;
    const match = pattern.exec(text);
    if (match === null) return NOT_READ;
    return pattern === PLAIN_SCALAR ? plainScalar(match[0]) : match[1]!;
  }

  /**
   * A literal block scalar, clipped (`|`) or stripped (`|-`), whose lines all stand at or
   * right of its first line's column, with no blank line among them; js-yaml reads every
   * other one (`|+` keeps trailing blank lines, `>` folds).
   */
  private literal(line: number, headerStart: number, column: number): unknown {
    const header = this.ends[line]! - headerStart;
    const strip = header === 2 && this.text.charCodeAt(headerStart + 1) === DASH;
    if (header !== 1 && !strip) return NOT_READ;
    let next = line + 1;
    while (next < this.columns.length && this.columns[next]! > column) next++;
    if (next === line + 1) return NOT_READ;
    // every line after the header, comment-like ones included: they are content here
    const first = this.text.indexOf('\n', headerStart) + 1;
    const last = next < this.columns.length ? this.lineStarts[next]! - 1 : this.text.length;
    const lines = this.text.slice(first, last).split('\n');
    const indent = lines[0]!.length - lines[0]!.trimStart().length;
    if (indent <= column) return NOT_READ;
    for (const text of lines) if (text.trimStart().length === 0 || text.length - text.trimStart().length < indent) return NOT_READ;
    this.at = next;
    const body = lines.map((text) => text.slice(indent)).join('\n');
    return strip ? body : `${body}\n`;
  }

  /** A mapping entry's value as js-yaml reads the entry's lines. */
  private parsedEntry(line: number, column: number, key: string): unknown {
    const value = this.parsedLines(line, column);
    if (!isMapping(value) || !Object.prototype.hasOwnProperty.call(value, key) || Object.keys(value).length !== 1) decline();
    return value[key];
  }

  /** A sequence item as js-yaml reads the item's lines. */
  private parsedItem(line: number, column: number): unknown {
    const value = this.parsedLines(line, column);
    if (!Array.isArray(value) || value.length !== 1) decline();
    return value[0];
  }

  /** The lines from `line` up to the next content line at or left of `column`, parsed; the cursor moves past them. */
  private parsedLines(line: number, column: number): unknown {
    let next = line + 1;
    while (next < this.columns.length && this.columns[next]! > column) next++;
    // with the last line's break: a `|+` scalar keeps it
    const end = next < this.columns.length ? this.lineStarts[next]! : this.text.length;
    this.at = next;
    const { load, CORE_SCHEMA } = jsYamlLib();
    try {
      return load(' '.repeat(column) + this.text.slice(this.starts[line], end), { schema: CORE_SCHEMA });
    } catch {
      // the whole text is parsed instead, and reports the error where it is
      return decline();
    }
  }

  /** Moves past an entry's value: its deeper lines, and a block sequence at the key's column. */
  private skipEntry(column: number): void {
    while (this.at < this.columns.length && (this.columns[this.at]! > column || (this.columns[this.at] === column && this.isDash(this.at)))) this.at++;
  }

  /** The column of the current line, or -1 past the end. */
  private nextColumn(): number {
    return this.at < this.columns.length ? this.columns[this.at]! : -1;
  }

  /** `-` alone or followed by a space: a block sequence entry. */
  private isDash(line: number): boolean {
    const start = this.starts[line]!;
    if (this.text.charCodeAt(start) !== DASH) return false;
    return start + 1 === this.ends[line] || this.text.charCodeAt(start + 1) === SPACE;
  }

  /** Whether a line starts with a plain key and its colon. */
  private isKey(line: number): boolean {
    return this.keyColon(line) !== -1;
  }

  /** The offset of the colon after a plain key at the line's start; -1 for none. */
  private keyColon(line: number): number {
    return plainKeyColon(this.text, this.starts[line]!, this.ends[line]!);
  }
}

/**
 * The offset of the colon after a plain key that starts at `start`, when a space or the
 * line's `end` follows it; -1 for none. The one rule for a plain key, which the line
 * reader and hardening's line finder (krm/block-lines.ts) both go by.
 */
export function plainKeyColon(text: string, start: number, end: number): number {
  // outside the tables (non-ASCII, past the text) reads as not a key character
  if (KEY_FIRST[text.charCodeAt(start)] !== 1) return -1;
  for (let at = start + 1; at < end; at++) {
    const code = text.charCodeAt(at);
    if (code === COLON) return at + 1 === end || text.charCodeAt(at + 1) === SPACE ? at : -1;
    if (KEY_CHAR[code] !== 1) return -1;
  }
  return -1;
}

/** A one-line flow sequence or mapping of plain words, or `NOT_READ`. */
function flowCollection(text: string, start: number, pattern: RegExp): unknown {
  pattern.lastIndex = start;
  const match = pattern.exec(text);
  if (match === null) return NOT_READ;
  const entries = match[1]!.split(FLOW_SEPARATOR);
  if (pattern === FLOW_SEQUENCE) return entries.map(plainScalar);
  const out: Record<string, unknown> = {};
  for (const entry of entries) {
    const [key, value] = entry.split(FLOW_PAIR) as [string, string];
    if (!isStringScalar(key) || Object.prototype.hasOwnProperty.call(out, key)) return NOT_READ;
    setOwn(out, key, plainScalar(value));
  }
  return out;
}

function charTable(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < characters.length; i++) table[characters.charCodeAt(i)] = 1;
  return table;
}

/** What js-yaml makes of a plain scalar: the first implicit type that takes it, else the text. */
export function plainScalar(text: string): unknown {
  for (const type of CORE_SCALAR_TYPES) if (type.resolve(text)) return type.construct(text);
  return text;
}

/** A plain key that stays a string (`null`, `true` or `12` as keys are converted by js-yaml). */
function isStringScalar(text: string): boolean {
  let known = stringKeys.get(text);
  if (known === undefined) {
    if (stringKeys.size > 10000) stringKeys.clear();
    known = typeof plainScalar(text) === 'string';
    stringKeys.set(text, known);
  }
  return known;
}
const stringKeys = new Map<string, boolean>();
