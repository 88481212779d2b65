import type { Document } from 'yaml';
import { readBlockValue } from './block-value';
import { PARSE_OPTIONS } from './cst';
import { jsYamlLib } from './js-yaml-lib';
import { deeperThan } from './path';
import { yamlLib } from './yaml-lib';

/** Most aliases one item may expand (yaml's guard against "billion laughs" documents). */
export const MAX_ALIAS_COUNT = 100;

/** Deepest nesting an item may have; Kubernetes objects stay far below it. */
export const MAX_DEPTH = 64;

/** A parse problem with its 1-based line and column inside the whole input. */
export interface ParseProblem {
  readonly message: string;
  readonly line?: number;
  readonly col?: number;
}

/** The text of an item re-indented so its first line stands at its own column. */
export function itemText(source: string, start: number, end: number, column: number): string {
  return ' '.repeat(column) + source.slice(start, end);
}

// An alias needs an anchor; items without `*name` cannot expand, so the fast parser is safe.
const ALIAS = /(?:^|[\s[{,])\*[^\s,\]}]/;

/**
 * Parses an item's text to plain data. Plain block text (what kustomize and kpt write)
 * is read from its lines; anything else goes to js-yaml, several times faster than the
 * comment-preserving parser; items that use aliases go through `yaml`, whose
 * alias-expansion limit stops "billion laughs" documents. `firstLine` is the item's
 * line in the input, for messages.
 */
export function parseValue(text: string, firstLine: number): { value: unknown } | { problem: ParseProblem } {
  // `includes` first: a native scan, and most items have no `*` at all
  const aliased = text.includes('*') && ALIAS.test(text);
  if (!aliased) {
    // what the lines give has no error to report; a value too deep is reported below
    const read = readBlockValue(text, MAX_DEPTH);
    if (read !== undefined && !deeperThan(read, MAX_DEPTH)) return { value: read };
  }
  // the libraries load outside the try: a missing part is a broken install, not a YAML error
  const parse = aliased ? aliasedParser() : plainParser();
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    return { problem: describe(error, firstLine) };
  }
  // the item's first line: a flow item may have no name to show
  if (deeperThan(value, MAX_DEPTH)) return { problem: { message: `it is nested more than ${MAX_DEPTH} levels deep`, line: firstLine } };
  return { value };
}

/** `yaml`'s parser, whose alias-expansion limit stops "billion laughs" documents. */
function aliasedParser(): (text: string) => unknown {
  const { parse } = yamlLib();
  return (text) => parse(text, { ...PARSE_OPTIONS, maxAliasCount: MAX_ALIAS_COUNT });
}

/** js-yaml's parser, several times faster than the comment-preserving one. */
function plainParser(): (text: string) => unknown {
  const { load, CORE_SCHEMA } = jsYamlLib();
  return (text) => load(text, { schema: CORE_SCHEMA, json: false });
}

/** Parses an item's text into an editable Document. */
export function parseEditable(text: string): Document {
  return yamlLib().parseDocument(text, PARSE_OPTIONS);
}

function describe(error: unknown, firstLine: number): ParseProblem {
  // by name: a `yaml` error must not load js-yaml just to be told apart
  if (error instanceof Error && error.name === 'YAMLException') {
    const yamlException = error as Error & { reason?: string; mark?: { line: number; column: number } };
    const reason = yamlException.reason ?? error.message.split('\n')[0] ?? 'not valid YAML';
    // some errors carry no mark (a stray `...` after a lone CR)
    const mark = yamlException.mark;
    return mark === undefined ? { message: reason, line: firstLine } : { message: reason, line: firstLine + mark.line, col: mark.column + 1 };
  }
  if (error instanceof RangeError) return { message: 'it is nested too deeply', line: firstLine };
  if (error instanceof ReferenceError) return { message: `it expands more than ${MAX_ALIAS_COUNT} aliases (a YAML alias bomb?) or uses an undefined alias` };
  const yamlError = error as { message?: string; linePos?: [{ line: number; col: number }] };
  const position = yamlError.linePos?.[0];
  const message = (yamlError.message ?? String(error)).split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  return position === undefined ? { message } : { message, line: firstLine + position.line - 1, col: position.col };
}
