import { isDeepStrictEqual } from 'node:util';
import { CORE_SCHEMA, load } from 'js-yaml';
import { BlockLines, sequenceStyle, type BlockEntry } from '../../krm/block-lines';
import { valueAt, type FieldPath } from '../../krm/path';
import type { SelectorSite } from './sites';

/**
 * Hardening without a Document: rewrites each selector's `matchLabels` lines into
 * `matchExpressions` lines in place, leaving every other byte of the item alone. It takes
 * only the plain case (block style, no comments inside matchLabels, no matchExpressions
 * yet) and proves its work line range by line range, which costs a few lines of parsing
 * instead of the whole item:
 * - the old lines, parsed on their own, are exactly `matchLabels` as the item's data has
 *   it, so the range holds that entry and nothing else (a range cut short or running into
 *   a sibling would parse to something else);
 * - the new lines, parsed on their own, are exactly the `matchExpressions` the rewrite
 *   means, at the same column, so in place they form the one entry that replaces it.
 * Block structure is decided by indentation alone, so lines parse the same on their own
 * as in place. Anything else returns `undefined` and the Document path (harden.ts) does
 * the job. The new value comes back with the text, so the item need not be parsed again.
 */
export function hardenLines(text: string, sites: readonly SelectorSite[], data: unknown): { text: string; value: unknown } | undefined {
  const lines = new BlockLines(text);
  const style = sequenceStyle(text);
  const patches: { from: number; to: number; lines: string[] }[] = [];
  let value = data;
  for (const site of sites) {
    const selector = valueAt(data, site.path);
    if (!isMapping(selector) || !Object.hasOwn(selector, 'matchLabels') || Object.hasOwn(selector, 'matchExpressions')) return undefined;
    if (lines.entryAt([...site.path, 'matchExpressions']) !== undefined) return undefined;
    const entry = lines.entryAt([...site.path, 'matchLabels']);
    if (entry === undefined || !lines.valueIsBlock(entry)) return undefined;
    const pairs = lines.simplePairs(entry);
    if (pairs === undefined || pairs.length === 0) return undefined;
    if (!isDeepStrictEqual(parseLines(lines.lines, entry), { matchLabels: selector.matchLabels })) return undefined;
    const replacement = expressionLines(entry.column, pairs, style);
    const meant = Object.entries(selector.matchLabels as Record<string, unknown>).map(([key, label]) => ({ key, operator: 'In', values: [label] }));
    const parsed = parseLines(replacement, { keyLine: 0, end: replacement.length, column: entry.column });
    if (!isDeepStrictEqual(parsed, { matchExpressions: meant })) return undefined;
    patches.push({ from: entry.keyLine, to: entry.end, lines: replacement });
    value = withSelector(value, site.path, swapped(selector, (parsed as { matchExpressions: unknown }).matchExpressions));
  }
  const out = [...lines.lines];
  for (const patch of [...patches].sort((a, b) => b.from - a.from)) out.splice(patch.from, patch.to - patch.from, ...patch.lines);
  return { text: out.join('\n'), value };
}

function expressionLines(column: number, pairs: readonly { key: string; value: string }[], style: 'compact' | 'wide'): string[] {
  const pad = ' '.repeat(column);
  const item = style === 'compact' ? pad : `${pad}  `;
  const values = style === 'compact' ? `${item}  ` : `${item}    `;
  const out = [`${pad}matchExpressions:`];
  for (const { key, value } of pairs) out.push(`${item}- key: ${key}`, `${item}  operator: In`, `${item}  values:`, `${values}- ${value}`);
  return out;
}

/** The lines of an entry, parsed on their own (`undefined` when they do not parse). */
function parseLines(lines: readonly string[], entry: BlockEntry): unknown {
  try {
    return load(lines.slice(entry.keyLine, entry.end).join('\n'), { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The selector with `matchExpressions` in the place `matchLabels` had (key order as the new text reads). */
function swapped(selector: Record<string, unknown>, expressions: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(selector)) {
    if (key === 'matchLabels') out.matchExpressions = expressions;
    else Object.defineProperty(out, key, { value: selector[key], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A copy of `root` with the node at `path` replaced; only the nodes along the path are copied. */
function withSelector(root: unknown, path: FieldPath, selector: unknown): unknown {
  if (path.length === 0) return selector;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = withSelector(root[head as number], rest, selector);
    return copy;
  }
  const node = root as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) Object.defineProperty(copy, key, { value: node[key], enumerable: true, writable: true, configurable: true });
  copy[head as string] = withSelector(node[head as string], rest, selector);
  return copy;
}
