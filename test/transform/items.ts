/**
 * Test helper (not a test): builds Items from YAML text the way the pipeline hands them to
 * transforms, runs transforms over them and renders the result, recording which items
 * were edited (an item whose document() was taken is re-emitted).
 */
import { parseAllDocuments, type Document } from 'yaml';
import type { Config } from '../../src/config/types';
import type { Finding } from '../../src/krm/finding';
import type { Item, ItemFile, ResourceRef } from '../../src/krm/item';
import type { Transform, TransformContext } from '../../src/transform/types';

/** Items built from a multi-document YAML stream, plus what the transforms did to them. */
export interface Fixture {
  readonly items: Item[];
  /** Indexes of items whose document() was taken. */
  readonly touched: Set<number>;
  readonly context: (config: Config) => TransformContext;
  /** Every document, edited or not, as one stream. */
  render(): string;
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function makeItem(index: number, doc: Document, touched: Set<number>): Item {
  const value: unknown = doc.toJS();
  const metadata = asRecord(asRecord(value).metadata);
  const annotations = asRecord(metadata.annotations);
  const namespace = text(metadata.namespace);
  const ref: ResourceRef = {
    apiVersion: text(asRecord(value).apiVersion),
    kind: text(asRecord(value).kind),
    name: text(metadata.name),
    ...(namespace === '' ? {} : { namespace }),
  };
  const path = text(annotations['config.kubernetes.io/path']);
  const file: ItemFile | undefined = path === '' ? undefined : { path, index: Number(text(annotations['config.kubernetes.io/index']) || 0) };
  return {
    index,
    ref,
    file,
    value,
    document() {
      touched.add(index);
      return doc;
    },
  };
}

/** Parses a stream into Items. */
export function fixture(source: string): Fixture {
  const docs = parseAllDocuments(source);
  if (!Array.isArray(docs)) throw new Error('empty stream');
  const touched = new Set<number>();
  const items = docs.filter((doc) => doc.contents !== null).map((doc, index) => makeItem(index, doc, touched));
  const all: Document[] = docs.filter((doc) => doc.contents !== null);
  return {
    items,
    touched,
    context: (config) => ({
      items,
      config,
      // As in the pipeline, a generated item is written out but not added to this stage's items.
      addItem(document) {
        const item = makeItem(all.length, document, touched);
        all.push(document);
        return item;
      },
    }),
    render: () => all.map((doc) => doc.toString().replace(/^---\n/, '')).join('---\n'),
  };
}

/** Runs the enabled transforms in order over a stream; returns the output and findings. */
export function runTransforms(
  transforms: readonly Transform[],
  source: string,
  config: Config,
): { output: string; findings: Finding[]; touched: Set<number> } {
  const f = fixture(source);
  const context = f.context(config);
  const findings = transforms.filter((t) => t.enabled(config)).flatMap((t) => t.run(context));
  return { output: f.render(), findings, touched: f.touched };
}
