/** Shared test helpers (not a test file). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** Repository root. */
export const ROOT = join(__dirname, '..');

/** Reads a file under test/fixtures. */
export function fixture(...parts: string[]): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', ...parts), 'utf8');
}

/** The items of a ResourceList text, as plain values. */
export function itemsOf(resourceList: string): unknown[] {
  const value = parse(resourceList, { uniqueKeys: false }) as { items?: unknown[] };
  return value.items ?? [];
}

/** The documents of a stream, as plain values. */
export function documentsOf(stream: string): unknown[] {
  return parseAllDocuments(stream).map((document) => document.toJS() as unknown);
}

/** The results of a ResourceList text. */
export function resultsOf(resourceList: string): { severity: string; tags: { rule: string }; field?: { path: string }; message: string }[] {
  const value = parse(resourceList, { uniqueKeys: false }) as { results?: never[] };
  return value.results ?? [];
}

/** A YAML text shifted right, the way an item's lines sit inside a ResourceList (blank lines stay empty). */
export function shifted(text: string, by: number): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : ' '.repeat(by) + line))
    .join('\n');
}
