import { isDeepStrictEqual } from 'node:util';
import { CORE_SCHEMA, load } from 'js-yaml';
import { BlockLines, sequenceStyle } from '../../krm/block-lines';
import { valueAt, type FieldPath } from '../../krm/path';
import type { SelectorSite } from './sites';

/**
 * Hardening without a Document: rewrites each selector's `matchLabels` lines into
 * `matchExpressions` lines in place, leaving every other byte of the item alone. It takes
 * only the plain case (block style, no comments inside matchLabels, no matchExpressions
 * yet) and proves its work: the patched text must parse to exactly the data the rewrite
 * means, or it returns `undefined` and the Document path (harden.ts) does the job. The
 * parsed value comes back with the text, so the item need not be parsed again.
 */
export function hardenLines(text: string, sites: readonly SelectorSite[], data: unknown): { text: string; value: unknown } | undefined {
  const lines = new BlockLines(text);
  const style = sequenceStyle(text);
  const patches: { from: number; to: number; lines: string[] }[] = [];
  for (const site of sites) {
    if (lines.entryAt([...site.path, 'matchExpressions']) !== undefined) return undefined;
    const entry = lines.entryAt([...site.path, 'matchLabels']);
    if (entry === undefined || !lines.valueIsBlock(entry)) return undefined;
    const pairs = lines.simplePairs(entry);
    if (pairs === undefined || pairs.length === 0) return undefined;
    patches.push({ from: entry.keyLine, to: entry.end, lines: expressionLines(entry.column, pairs, style) });
  }
  const out = [...lines.lines];
  for (const patch of [...patches].sort((a, b) => b.from - a.from)) out.splice(patch.from, patch.to - patch.from, ...patch.lines);
  const patched = out.join('\n');
  const value = parse(patched);
  // map key order does not matter to isDeepStrictEqual, list order does
  return isDeepStrictEqual(value, hardened(data, sites)) ? { text: patched, value } : undefined;
}

function expressionLines(column: number, pairs: readonly { key: string; value: string }[], style: 'compact' | 'wide'): string[] {
  const pad = ' '.repeat(column);
  const item = style === 'compact' ? pad : `${pad}  `;
  const values = style === 'compact' ? `${item}  ` : `${item}    `;
  const out = [`${pad}matchExpressions:`];
  for (const { key, value } of pairs) out.push(`${item}- key: ${key}`, `${item}  operator: In`, `${item}  values:`, `${values}- ${value}`);
  return out;
}

function parse(text: string): unknown {
  try {
    return load(text, { schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
}

/** What hardening means on plain data: each site's labels become `key In [value]` requirements. */
function hardened(data: unknown, sites: readonly SelectorSite[]): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const site of sites) {
    const selector = at(copy, site.path);
    if (selector === undefined) return undefined;
    const labels = selector.matchLabels as Record<string, string>;
    delete selector.matchLabels;
    selector.matchExpressions = Object.entries(labels).map(([key, value]) => ({ key, operator: 'In', values: [value] }));
  }
  return copy;
}

function at(root: unknown, path: FieldPath): Record<string, unknown> | undefined {
  const node = valueAt(root, path);
  return typeof node === 'object' && node !== null && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}
