import { isDeepStrictEqual } from 'node:util';
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import { BlockLines, sequenceStyle } from '../../krm/block-lines';
import { setOwn, valueAt, type FieldPath } from '../../krm/path';
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
  const patches: { from: number; to: number; lines: string[]; selector: Record<string, unknown>; path: FieldPath }[] = [];
  for (const site of sites) {
    const selector = valueAt(data, site.path);
    if (!isMapping(selector) || !Object.hasOwn(selector, 'matchLabels') || Object.hasOwn(selector, 'matchExpressions')) return undefined;
    const selectorEntry = lines.entryAt(site.path);
    const scope = selectorEntry === undefined ? undefined : lines.valueMapping(selectorEntry);
    if (scope === undefined || lines.findKey(scope, 'matchExpressions') !== undefined) return undefined;
    const entry = lines.findKey(scope, 'matchLabels');
    if (entry === undefined || !lines.valueIsBlock(entry)) return undefined;
    const pairs = lines.simplePairs(entry);
    if (pairs === undefined || pairs.length === 0) return undefined;
    patches.push({ from: entry.keyLine, to: entry.end, lines: expressionLines(entry.column, pairs, style), selector, path: site.path });
  }
  // one parse for all the snippets: old lines and new lines, a document each
  const parsed = parseDocuments([
    ...patches.map((patch) => lines.lines.slice(patch.from, patch.to)),
    ...patches.map((patch) => patch.lines),
  ]);
  if (parsed === undefined) return undefined;
  let value = data;
  for (const [i, { selector, path }] of patches.entries()) {
    if (!isDeepStrictEqual(parsed[i], { matchLabels: selector.matchLabels })) return undefined;
    const meant = Object.entries(selector.matchLabels as Record<string, unknown>).map(([key, label]) => ({ key, operator: 'In', values: [label] }));
    const replacement = parsed[patches.length + i];
    if (!isDeepStrictEqual(replacement, { matchExpressions: meant })) return undefined;
    value = withNode(value, path, swapped(selector, (replacement as { matchExpressions: unknown }).matchExpressions));
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

/**
 * Snippets of lines parsed on their own, as the documents of one stream (`undefined` when
 * any does not parse). A `---` line cannot clash with them: selector lines are indented.
 */
function parseDocuments(snippets: readonly (readonly string[])[]): unknown[] | undefined {
  try {
    const documents = loadAll(snippets.map((snippet) => `---\n${snippet.join('\n')}\n`).join(''), undefined, { schema: CORE_SCHEMA });
    return documents.length === snippets.length ? documents : undefined;
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
    else setOwn(out, key, selector[key]);
  }
  return out;
}

/** A copy of `root` with the node at `path` replaced; only the nodes along the path are copied. */
function withNode(root: unknown, path: FieldPath, node: unknown, depth = 0): unknown {
  if (depth === path.length) return node;
  const segment = path[depth]!;
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[segment as number] = withNode(root[segment as number], path, node, depth + 1);
    return copy;
  }
  const mapping = root as Record<string, unknown>;
  const copy = copyOf(mapping);
  copy[segment as string] = withNode(mapping[segment as string], path, node, depth + 1);
  return copy;
}

/** A shallow copy; a `__proto__` key stays a key instead of setting the prototype. */
function copyOf(mapping: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(mapping)) setOwn(copy, key, mapping[key]);
  return copy;
}
