import type { CST, ParseOptions, DocumentOptions, SchemaOptions } from 'yaml';
import { yamlLib } from './yaml-lib';

/** Options every parse of user input uses: YAML 1.2 core schema, unique keys, alias limit. */
export const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  keepSourceTokens: false,
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
  // warnings would go to stderr through process.emitWarning, outside the results
  logLevel: 'error',
};

/** One `key: value` pair of a CST map, with the key resolved when it is a scalar. */
export interface CstEntry {
  readonly key: string | undefined;
  readonly value: CST.Token | undefined;
}

/** Where a token's text ends in the source (the CST is lossless, so its text is a slice). */
export function tokenEnd(token: CST.Token): number {
  return token.offset + yamlLib().CST.stringify(token).length;
}

/** The pairs of a block map or flow map; `undefined` for anything else. */
export function mapEntries(token: CST.Token | undefined): CstEntry[] | undefined {
  if (token === undefined) return undefined;
  if (token.type === 'block-map') {
    return token.items.map((item) => ({ key: scalarOf(item.key ?? undefined), value: item.value }));
  }
  if (token.type === 'flow-collection' && token.start.source === '{') {
    return token.items.map((item) => ({ key: scalarOf(item.key ?? undefined), value: item.value }));
  }
  return undefined;
}

/** The values of a block or flow sequence; `undefined` for anything else. */
export function sequenceValues(token: CST.Token | undefined): { values: (CST.Token | undefined)[]; flow: boolean } | undefined {
  if (token === undefined) return undefined;
  if (token.type === 'block-seq') return { values: blockSequenceItems(token).map((item) => item.value), flow: false };
  if (token.type === 'flow-collection' && token.start.source === '[') {
    return { values: token.items.map((item) => item.value), flow: true };
  }
  return undefined;
}

/**
 * The items of a block sequence that have a `-`. The tokeniser files a comment line
 * after the last item, at the items' own column, as one more item without a dash.
 */
export function blockSequenceItems(token: CST.BlockSequence): CST.BlockSequence['items'] {
  return token.items.filter((item) => item.value !== undefined || item.start.some((part) => part.type === 'seq-item-ind'));
}

/** The value of a plain or quoted scalar token, or `undefined` (aliases and tags are not read here). */
export function scalarOf(token: CST.Token | null | undefined): string | undefined {
  if (token === undefined || token === null) return undefined;
  if (token.type !== 'scalar' && token.type !== 'single-quoted-scalar' && token.type !== 'double-quoted-scalar') return undefined;
  const errors: string[] = [];
  const resolved = yamlLib().CST.resolveAsScalar(token, true, (_offset, _code, message) => errors.push(message));
  return resolved === null || errors.length > 0 ? undefined : resolved.value;
}

/** Looks up a key in a CST map. */
export function entryValue(token: CST.Token | undefined, key: string): CST.Token | undefined {
  return mapEntries(token)?.find((entry) => entry.key === key)?.value;
}
