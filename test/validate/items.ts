/** Test helper: Items and a context from YAML text, the way the reader would build them. */
import { parseAllDocuments } from 'yaml';
import type { Item } from '../../src/krm/item';
import type { Config } from '../../src/config/types';
import { DEFAULT_CONFIG } from '../../src/config/sections';
import type { ValidationConfig } from '../../src/config/sections/validation';
import type { ValidateContext } from '../../src/validate/types';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Items from a multi-document YAML string. */
export function itemsFromYaml(source: string): Item[] {
  return parseAllDocuments(source)
    .filter((document) => document.contents !== null)
    .map((document, index) => {
      const value: unknown = document.toJS();
      const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
      const metadata = (typeof record.metadata === 'object' && record.metadata !== null ? record.metadata : {}) as Record<string, unknown>;
      const namespace = text(metadata.namespace);
      return {
        index,
        ref: {
          apiVersion: text(record.apiVersion),
          kind: text(record.kind),
          name: text(metadata.name),
          ...(namespace === '' ? {} : { namespace }),
        },
        file: undefined,
        value,
        document: () => document,
      };
    });
}

/** A context over YAML items with `validation` overrides. */
export function contextFromYaml(source: string, validation: Partial<ValidationConfig> = {}): ValidateContext {
  const config: Config = { ...DEFAULT_CONFIG, validation: { ...DEFAULT_CONFIG.validation, ...validation } };
  return { items: itemsFromYaml(source), config };
}

/** A NetworkPolicy document with the given spec (YAML, indented by the caller as a block). */
export function policy(spec: string, metadata = '{name: p, namespace: ns}'): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: ${metadata}\nspec:\n${spec
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n')}\n`;
}
