import { BlockLines } from '../../krm/block-lines';
import { plainScalar } from '../../krm/block-value';
import { parseValue } from '../../krm/parse-item';
import { type FieldPath, isMapping, setOwn, valueAt } from '../../krm/path';
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
 * When every key and value is a plain word the lines can only be `key: value` pairs
 * (simplePairs checked each line), so both proofs come down to the words: each, read
 * as the plain scalar it is, must be the key or value the data has, in order (see PLAIN_WORD).
 * Block structure is decided by indentation alone, so lines parse the same on their own
 * as in place. Anything else returns `undefined` and the Document path (harden.ts) does
 * the job. The new value comes back with the text, so the item need not be parsed again.
 */
export function hardenLines(text: string, sites: readonly SelectorSite[], data: unknown): { text: string; value: unknown } | undefined {
  const lines = new BlockLines(text);
  const style = lines.sequenceStyle();
  const patches: Patch[] = [];
  for (const site of sites) {
    const patch = patchFor(lines, site.path, data, style);
    if (patch === undefined) return undefined;
    patches.push(patch);
  }
  let value = data;
  for (const patch of patches) {
    const proof = parsedProof(lines, patch);
    if (proof === undefined) return undefined;
    const meant = Object.entries(patch.labels).map(([key, label]) => ({ key, operator: 'In', values: [label] }));
    if (!proves(patch, proof, meant)) return undefined;
    // fresh objects, equal to what the new lines parse to
    value = withNode(value, patch.path, swapped(patch.selector, meant));
  }
  return { text: lines.spliced(patches), value };
}

/** One selector's rewrite: the line range of its `matchLabels` entry and the lines that replace it. */
interface Patch {
  readonly from: number;
  readonly to: number;
  readonly lines: readonly string[];
  /** The pairs' keys and values in order, when every one is a plain word. */
  readonly words: readonly string[] | undefined;
  readonly labels: Record<string, unknown>;
  readonly selector: Record<string, unknown>;
  readonly path: FieldPath;
}

/** The rewrite of the selector at `path`, or `undefined` when it is not the plain case. */
function patchFor(lines: BlockLines, path: FieldPath, data: unknown, style: 'compact' | 'wide'): Patch | undefined {
  const selector = valueAt(data, path);
  if (!isMapping(selector) || !Object.hasOwn(selector, 'matchLabels') || Object.hasOwn(selector, 'matchExpressions')) return undefined;
  const labels = selector.matchLabels;
  if (!isMapping(labels)) return undefined;
  const selectorEntry = lines.entryAt(path);
  const scope = selectorEntry === undefined ? undefined : lines.valueMapping(selectorEntry);
  if (scope === undefined || lines.findKey(scope, 'matchExpressions') !== undefined) return undefined;
  const entry = lines.findKey(scope, 'matchLabels');
  if (entry === undefined || !lines.valueIsBlock(entry)) return undefined;
  const pairs = lines.simplePairs(entry);
  if (pairs === undefined || pairs.length === 0) return undefined;
  const words = pairs.every(({ key, value }) => PLAIN_WORD.test(key) && PLAIN_WORD.test(value)) ? pairs.flatMap(({ key, value }) => [key, value]) : undefined;
  return { from: entry.keyLine, to: entry.end, lines: expressionLines(entry.column, pairs, style), words, labels, selector, path };
}

/**
 * What proves a patch, parsed: its words, each the plain scalar it is, or its old lines
 * and its new lines, each on its own (`undefined` when they do not parse).
 */
function parsedProof(lines: BlockLines, patch: Patch): unknown[] | undefined {
  if (patch.words !== undefined) return patch.words.map(plainScalar);
  const parsed = [lines.linesText(patch.from, patch.to), patch.lines.join('\n')].map((text) => parseValue(text, 1));
  return parsed.every((result) => 'value' in result) ? parsed.map((result) => (result as { value: unknown }).value) : undefined;
}

/** Whether the parsed proof shows the patch replaces exactly `matchLabels` by exactly `meant`. */
function proves(patch: Patch, proof: readonly unknown[], meant: readonly { key: string; operator: string; values: unknown[] }[]): boolean {
  return patch.words === undefined ? holdsExactly(proof[0], patch.labels) && meansExactly(proof[1], meant) : wordsMean(proof, meant);
}

/** Whether old lines parsed to `{matchLabels: labels}`: same keys, each with the same scalar. */
function holdsExactly(parsed: unknown, labels: Record<string, unknown>): boolean {
  if (!isMapping(parsed) || !hasOnlyKeys(parsed, ['matchLabels'])) return false;
  const written = parsed.matchLabels;
  if (!isMapping(written) || Object.keys(written).length !== Object.keys(labels).length) return false;
  return Object.keys(labels).every((key) => Object.hasOwn(written, key) && isScalar(labels[key]) && Object.is(written[key], labels[key]));
}

/**
 * A key or value written as a plain word (letters, digits, `-_./`, starting with a letter
 * or digit) reads the same wherever a block puts it: as a key, after `key: `, after `- `.
 * Such pairs are proved word by word (each word resolved as the plain scalar it is, by
 * js-yaml's own types) instead of by parsing the old line and the four new lines each
 * pair becomes.
 */
const PLAIN_WORD = /^[A-Za-z0-9][A-Za-z0-9_.\/-]*$/;

/** Whether the pairs' words, read one by one, are the keys and values meant, in order. */
function wordsMean(parsed: readonly unknown[], meant: readonly { key: string; values: unknown[] }[]): boolean {
  return parsed.length === 2 * meant.length && meant.every(({ key, values }, i) => parsed[2 * i] === key && Object.is(parsed[2 * i + 1], values[0]));
}

/** Whether new lines parsed to `{matchExpressions: meant}`, item for item. */
function meansExactly(parsed: unknown, meant: readonly { key: string; operator: string; values: unknown[] }[]): boolean {
  if (!isMapping(parsed) || !hasOnlyKeys(parsed, ['matchExpressions'])) return false;
  const written = parsed.matchExpressions;
  if (!Array.isArray(written) || written.length !== meant.length) return false;
  return meant.every(({ key, operator, values }, i) => {
    const item: unknown = written[i];
    if (!isMapping(item) || !hasOnlyKeys(item, ['key', 'operator', 'values'])) return false;
    const itemValues = item.values;
    return item.key === key && item.operator === operator && Array.isArray(itemValues) && itemValues.length === 1 && Object.is(itemValues[0], values[0]);
  });
}

function hasOnlyKeys(mapping: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(mapping);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(mapping, key));
}

function isScalar(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

function expressionLines(column: number, pairs: readonly { key: string; value: string }[], style: 'compact' | 'wide'): string[] {
  const pad = ' '.repeat(column);
  const item = style === 'compact' ? pad : `${pad}  `;
  const values = style === 'compact' ? `${item}  ` : `${item}    `;
  const out = [`${pad}matchExpressions:`];
  for (const { key, value } of pairs) out.push(`${item}- key: ${key}`, `${item}  operator: In`, `${item}  values:`, `${values}- ${value}`);
  return out;
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
