import type { InputLayout, ItemSlot, Span } from './read';
import { sniffHeader } from './sniff';

/**
 * The fast path of reading: finds the items of a block-style ResourceList or of a plain
 * stream by their lines, without tokenising the YAML. It accepts only the layouts YAML
 * emitters write (kustomize, kpt, kubectl); anything else returns `undefined` and the
 * reader falls back to the full CST parse, so a wrong guess costs time, never items.
 */
export function scanLayout(text: string): InputLayout | undefined {
  const lines = splitLines(text);
  if (lines.some((line) => line.text.startsWith('%') || line.text.startsWith('...') || (line.text.startsWith('---') && !isSeparator(line.text)))) return undefined;
  const separators = lines.filter((line) => isSeparator(line.text));
  const contentBefore = (offset: number) => lines.some((line) => line.start < offset && isContent(line.text));
  const single = separators.length === 0 || (separators.length === 1 && !contentBefore(separators[0]!.start));
  if (single) {
    const header = sniffHeader(text.slice(firstContent(lines)?.start ?? 0), 0);
    if (header?.kind === 'ResourceList') return resourceList(lines, header.apiVersion);
  }
  return stream(lines);
}

interface Line {
  readonly start: number;
  /** Offset just past the line's newline (or the end of the text). */
  readonly next: number;
  readonly text: string;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let at = 0;
  while (at < text.length) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start: at, next: newline === -1 ? end : end + 1, text: text.slice(at, end) });
    at = end + 1;
  }
  return lines;
}

function isSeparator(line: string): boolean {
  return /^---[ \t]*(#.*)?$/.test(line);
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function isContent(line: string): boolean {
  const trimmed = line.trim();
  return trimmed !== '' && !trimmed.startsWith('#') && !isSeparator(line);
}

function firstContent(lines: readonly Line[]): Line | undefined {
  return lines.find((line) => isContent(line.text));
}

/** Moves an item's end back over trailing blank lines and comments left of its column. */
function trimEnd(lines: readonly Line[], from: number, to: number, column: number): number {
  let last = to - 1;
  while (last > from) {
    const line = lines[last]!.text;
    const trimmed = line.trim();
    if (trimmed === '' || (trimmed.startsWith('#') && indentOf(line) < column)) last--;
    else break;
  }
  return lines[last]!.next;
}

function resourceList(lines: readonly Line[], apiVersion: string): InputLayout | undefined {
  const top = lines.map((line, index) => ({ line, index })).filter(({ line }) => indentOf(line.text) === 0 && isContent(line.text) && !line.text.startsWith('-'));
  const keyOf = (line: string) => /^([A-Za-z]+):/.exec(line)?.[1];
  const itemsAt = top.find(({ line }) => keyOf(line.text) === 'items');
  const slots: ItemSlot[] = [];
  let appendAt: InputLayout['appendAt'];
  if (itemsAt !== undefined) {
    const rest = itemsAt.line.text.slice('items:'.length).replace(/#.*$/, '').trim();
    const sectionEnd = top.find(({ index }) => index > itemsAt.index)?.index ?? lines.length;
    if (rest === '[]') {
      if (lines.slice(itemsAt.index + 1, sectionEnd).some((line) => isContent(line.text))) return undefined;
    } else if (rest !== '') {
      return undefined;
    } else {
      const found = blockItems(lines, itemsAt.index + 1, sectionEnd);
      if (found === undefined) return undefined;
      slots.push(...found.slots);
      appendAt = found.appendAt;
    }
  }
  const entry = (key: string): Span | undefined => {
    const at = top.find(({ line }) => keyOf(line.text) === key);
    if (at === undefined) return undefined;
    const next = top.find(({ index }) => index > at.index)?.index ?? lines.length;
    return { start: at.line.start, end: trimEnd(lines, at.index, next, 1) };
  };
  return { mode: 'resource-list', flow: false, slots, functionConfig: entry('functionConfig'), results: entry('results'), listApiVersion: apiVersion, appendAt };
}

function blockItems(lines: readonly Line[], from: number, to: number): { slots: ItemSlot[]; appendAt: InputLayout['appendAt'] } | undefined {
  const starts: number[] = [];
  let seqColumn = -1;
  for (let i = from; i < to; i++) {
    const line = lines[i]!.text;
    if (!isContent(line)) continue;
    const indent = indentOf(line);
    if (seqColumn === -1) seqColumn = indent;
    if (indent < seqColumn) return undefined;
    if (indent === seqColumn) {
      if (!/^- +[^ #]/.test(line.slice(indent))) return undefined;
      starts.push(i);
    } else if (starts.length === 0) return undefined;
  }
  const slots: ItemSlot[] = starts.map((lineIndex, n) => {
    const line = lines[lineIndex]!;
    const column = seqColumn + (/^- +/.exec(line.text.slice(seqColumn))?.[0].length ?? 2);
    const next = starts[n + 1] ?? to;
    return { start: line.start + column, end: trimEnd(lines, lineIndex, next, column), column };
  });
  const last = slots[slots.length - 1];
  return { slots, appendAt: last === undefined ? undefined : { offset: last.end, indicatorColumn: seqColumn } };
}

function stream(lines: readonly Line[]): InputLayout | undefined {
  const slots: ItemSlot[] = [];
  let from = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && !isSeparator(lines[i]!.text)) continue;
    const first = lines.slice(from, i).findIndex((line) => isContent(line.text));
    if (first !== -1) {
      const start = from + first;
      if (indentOf(lines[start]!.text) !== 0) return undefined;
      slots.push({ start: lines[start]!.start, end: trimEnd(lines, start, i, 0), column: 0 });
    }
    from = i + 1;
  }
  return { mode: 'stream', flow: false, slots, functionConfig: undefined, results: undefined, listApiVersion: undefined, appendAt: undefined };
}
