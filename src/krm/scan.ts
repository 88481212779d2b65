import type { InputLayout, ItemSlot, Span } from './read';
import { sniffHeader } from './sniff';

/**
 * The fast path of reading: finds the items of a block-style ResourceList or of a plain
 * stream by their lines, without tokenising the YAML. It accepts only the layouts YAML
 * emitters write (kustomize, kpt, kubectl); anything else returns `undefined` and the
 * reader falls back to the full CST parse, so a wrong guess costs time, never items.
 * It works on line offsets, not line strings: a 15 MB input has 700,000 lines.
 */
export function scanLayout(text: string): InputLayout | undefined {
  const lines = new Lines(text);
  let documents = 0;
  let inDocument = false;
  let separators = 0;
  for (let i = 0; i < lines.count; i++) {
    const start = lines.start(i);
    const code = text.charCodeAt(start);
    // most lines start with a space: one look rules out directives and markers
    if (code === SPACE && inDocument) continue;
    if (code === PERCENT || (code === DOT && text.startsWith('...', start))) return undefined;
    if (code === DASH && text.startsWith('---', start)) {
      if (!lines.isSeparator(i)) return undefined;
      separators++;
      inDocument = false;
    } else if (!inDocument && lines.isContent(i)) {
      inDocument = true;
      documents++;
    }
  }
  // empty documents around a ResourceList (`---` before or after it) do not make it a stream
  const single = documents <= 1;
  if (single) {
    const first = lines.firstContent(0, lines.count);
    // a flow (JSON) document may be a ResourceList the line sniffer cannot see: parse it
    if (first !== -1 && '{['.includes(text[lines.start(first) + lines.indent(first)] ?? '')) return undefined;
    // a lone ResourceList (what kustomize and kpt send) is known by its first lines; with
    // `---` around it the whole text is sniffed, which leaves such lists to the parser
    const header = first === -1 ? undefined : sniffHeader(text, lines.start(first), text.length, 0, separators === 0 ? 'ResourceList' : undefined);
    // an unreadable header (JSON, quoted keys) may still be a ResourceList: let the parser decide
    if (first !== -1 && header === undefined) return undefined;
    if (header?.kind === 'ResourceList') return resourceList(lines, header.apiVersion);
  }
  return stream(lines);
}

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const PERCENT = 37;
const DOT = 46;

/** Line offsets of a text, with the few questions the scanner asks about a line. */
class Lines {
  readonly count: number;
  private readonly starts: Int32Array;
  private readonly indents: Int32Array;

  constructor(readonly text: string) {
    let count = text.length === 0 ? 0 : 1;
    for (let i = text.indexOf('\n'); i !== -1 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) count++;
    this.starts = new Int32Array(count + 1);
    let n = 0;
    if (count > 0) this.starts[n++] = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i + 1 < text.length; i = text.indexOf('\n', i + 1)) this.starts[n++] = i + 1;
    this.starts[count] = text.length;
    this.count = count;
    this.indents = new Int32Array(count).fill(-1);
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  /** Offset just past the line's newline (the next line's start). */
  next(i: number): number {
    const next = this.starts[i + 1]!;
    return i + 1 === this.count && !this.text.endsWith('\n') ? this.text.length : next;
  }

  /** End of the line's text, before its newline (and a carriage return, in mixed files). */
  end(i: number): number {
    const next = this.starts[i + 1]!;
    let end = next > 0 && this.text.charCodeAt(next - 1) === 10 ? next - 1 : next;
    if (end > this.starts[i]! && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  indent(i: number): number {
    // every pass asks about every line again: count the spaces once
    const known = this.indents[i]!;
    if (known !== -1) return known;
    const start = this.starts[i]!;
    const end = this.end(i);
    let at = start;
    while (at < end && this.text.charCodeAt(at) === SPACE) at++;
    this.indents[i] = at - start;
    return at - start;
  }

  /** Not blank, not a comment, not a document separator. */
  isContent(i: number): boolean {
    const at = this.starts[i]! + this.indent(i);
    if (at >= this.end(i)) return false;
    if (this.text.charCodeAt(at) === HASH) return false;
    return !this.isSeparator(i);
  }

  isBlankOrComment(i: number): boolean {
    const at = this.starts[i]! + this.indent(i);
    return at >= this.end(i) || this.text.charCodeAt(at) === HASH;
  }

  isSeparator(i: number): boolean {
    const start = this.starts[i]!;
    return this.text.startsWith('---', start) && /^---[ \t]*(#.*)?$/.test(this.text.slice(start, this.end(i)));
  }

  firstContent(from: number, to: number): number {
    for (let i = from; i < to; i++) if (this.isContent(i)) return i;
    return -1;
  }

  /** Moves an item's end back over trailing blank lines and comments left of its column. */
  trimmedEnd(from: number, to: number, column: number): number {
    let last = to - 1;
    while (last > from && this.isBlankOrComment(last) && (this.indent(last) < column || this.indent(last) + this.start(last) >= this.end(last))) last--;
    return this.next(last);
  }
}

function resourceList(lines: Lines, apiVersion: string): InputLayout | undefined {
  const text = lines.text;
  const top: number[] = [];
  for (let i = 0; i < lines.count; i++) {
    const code = text.charCodeAt(lines.start(i));
    if (code !== SPACE && code !== DASH && code !== HASH && lines.isContent(i)) top.push(i);
  }
  const keyOf = (i: number) => /^([A-Za-z]+):(?:[ \t]|$)/.exec(text.slice(lines.start(i), lines.end(i)))?.[1];
  // anything else at the top (garbage, quoted or complex keys) is for the parser to judge
  if (top.some((i) => keyOf(i) === undefined)) return undefined;
  const nextTop = (i: number) => top.find((line) => line > i) ?? lines.count;
  const itemsLine = top.find((i) => keyOf(i) === 'items');
  const slots: ItemSlot[] = [];
  let appendAt: InputLayout['appendAt'];
  if (itemsLine !== undefined) {
    const rest = text.slice(lines.start(itemsLine) + 'items:'.length, lines.end(itemsLine)).replace(/#.*$/, '').trim();
    const sectionEnd = nextTop(itemsLine);
    if (rest === '[]') {
      if (lines.firstContent(itemsLine + 1, sectionEnd) !== -1) return undefined;
    } else if (rest !== '') {
      return undefined;
    } else {
      const found = blockItems(lines, itemsLine + 1, sectionEnd);
      if (found === undefined) return undefined;
      slots.push(...found.slots);
      appendAt = found.appendAt;
    }
  }
  const entry = (key: string): Span | undefined => {
    const at = top.find((i) => keyOf(i) === key);
    return at === undefined ? undefined : { start: lines.start(at), end: lines.trimmedEnd(at, nextTop(at), 1) };
  };
  return { mode: 'resource-list', flow: false, slots, functionConfig: entry('functionConfig'), results: entry('results'), listApiVersion: apiVersion, appendAt };
}

function blockItems(lines: Lines, from: number, to: number): { slots: ItemSlot[]; appendAt: InputLayout['appendAt'] } | undefined {
  const text = lines.text;
  const starts: number[] = [];
  let seqColumn = -1;
  for (let i = from; i < to; i++) {
    // once an item has begun, a line indented past the dashes belongs to it: one look each
    if (starts.length > 0 && spacesThrough(text, lines.start(i), seqColumn)) continue;
    if (!lines.isContent(i)) continue;
    const indent = lines.indent(i);
    if (seqColumn === -1) seqColumn = indent;
    if (indent < seqColumn) return undefined;
    if (indent === seqColumn) {
      const at = lines.start(i) + indent;
      // `- ` followed by content on the same line; a bare `-` or `- # comment` falls back
      if (text.charCodeAt(at) !== DASH || text.charCodeAt(at + 1) !== SPACE) return undefined;
      let value = at + 1;
      while (text.charCodeAt(value) === SPACE) value++;
      if (value >= lines.end(i) || text.charCodeAt(value) === HASH) return undefined;
      starts.push(i);
    } else if (starts.length === 0) return undefined;
  }
  const slots: ItemSlot[] = starts.map((line, n) => {
    let value = lines.start(line) + seqColumn + 1;
    while (text.charCodeAt(value) === SPACE) value++;
    const column = value - lines.start(line);
    return { start: value, end: lines.trimmedEnd(line, starts[n + 1] ?? to, column), column };
  });
  const last = slots[slots.length - 1];
  return { slots, appendAt: last === undefined ? undefined : { offset: last.end, indicatorColumn: seqColumn } };
}

/** Whether the characters from `start` through `start + column` are all spaces. */
function spacesThrough(text: string, start: number, column: number): boolean {
  for (let at = start; at <= start + column; at++) if (text.charCodeAt(at) !== SPACE) return false;
  return true;
}

function stream(lines: Lines): InputLayout | undefined {
  const slots: ItemSlot[] = [];
  let from = 0;
  for (let i = 0; i <= lines.count; i++) {
    if (i < lines.count && !lines.isSeparator(i)) continue;
    const first = lines.firstContent(from, i);
    if (first !== -1) {
      if (lines.indent(first) !== 0) return undefined;
      slots.push({ start: lines.start(first), end: lines.trimmedEnd(first, i, 0), column: 0 });
    }
    from = i + 1;
  }
  return { mode: 'stream', flow: false, slots, functionConfig: undefined, results: undefined, listApiVersion: undefined, appendAt: undefined };
}
