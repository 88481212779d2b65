/** Test helper: builds Items (the KRM stage contract) from YAML or JSON text and folders. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parseDocument, type Document } from 'yaml';
import type { Item } from '../../src/krm/item';

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Items from one multi-document text; documents that are not Kubernetes objects are skipped. */
export function itemsFromYaml(source: string, first = 0, file = 'input.yaml'): Item[] {
  const items: Item[] = [];
  for (const document of parseAllDocuments(source)) {
    if (!('contents' in document)) continue;
    const value: unknown = document.toJS();
    if (!isMap(value) || typeof value.kind !== 'string' || typeof value.apiVersion !== 'string') continue;
    const metadata = isMap(value.metadata) ? value.metadata : {};
    const index = first + items.length;
    const namespace = text(metadata.namespace);
    items.push({
      index,
      ref: { apiVersion: value.apiVersion, kind: value.kind, name: text(metadata.name), ...(namespace === '' ? {} : { namespace }) },
      file: { path: file, index: items.length },
      value,
      document: (): Document => parseDocument(document.toString()),
    });
  }
  return items;
}

/** Every `.yaml`, `.yml` and `.json` file under a folder, recursively, in path order. */
export function itemsFromDir(dir: string): Item[] {
  const items: Item[] = [];
  const walk = (path: string): void => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ya?ml|json)$/.test(name)) items.push(...itemsFromYaml(readFileSync(full, 'utf8'), items.length, full));
    }
  };
  walk(dir);
  return items;
}
