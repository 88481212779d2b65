/** Writes random objects as the texts tools hand a KRM function (not a test). */
import fc from 'fast-check';
import { Document, isScalar, parseAllDocuments, visit, type Scalar } from 'yaml';

/** How an input is written. */
export interface Style {
  readonly form: 'list' | 'stream' | 'json';
  readonly collections: 'block' | 'flow' | 'any';
  readonly strings: Scalar.Type;
  readonly indentSeq: boolean;
  /** Coin flips: where comments go. */
  readonly comments: readonly boolean[];
  readonly crlf: boolean;
  readonly bom: boolean;
}

export const style: fc.Arbitrary<Style> = fc.record({
  form: fc.constantFrom('list', 'stream', 'json'),
  collections: fc.constantFrom('block', 'block', 'flow', 'any'),
  strings: fc.constantFrom<Scalar.Type>('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'),
  indentSeq: fc.boolean(),
  comments: fc.array(fc.boolean(), { maxLength: 8 }),
  crlf: fc.boolean(),
  bom: fc.boolean(),
});

function yamlText(value: unknown, s: Style): string {
  // shared objects would become anchors in one item and aliases in another (see regressions)
  const document = new Document(value, { aliasDuplicateObjects: false });
  let n = 0;
  visit(document, {
    Pair: (_key, pair) => {
      if (isScalar(pair.key) && s.comments[n++ % Math.max(s.comments.length, 1)] === true) pair.key.commentBefore = ` note ${n}: # - "'`;
    },
  });
  if (s.comments[0] === true) document.commentBefore = ' rendered by a test';
  const text = (collections: Style['collections']) => document.toString({ collectionStyle: collections, defaultStringType: s.strings, defaultKeyType: 'PLAIN', indentSeq: s.indentSeq, lineWidth: 0 });
  // `block` writes an empty collection as `key:\n[]`, which is not YAML: those inputs use `any`
  const block = text(s.collections);
  return parseAllDocuments(block).every((d) => d.errors.length === 0) ? block : text('any');
}

/** Whether the writer may re-render this input instead of splicing it (JSON or a flow list). */
export function rerendered(s: Style): boolean {
  return s.form === 'json' || (s.form === 'list' && s.collections === 'flow');
}

/** The input text of these items (and config) in this style. */
export function render(items: readonly unknown[], config: unknown, s: Style): string {
  const list: Record<string, unknown> = { apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items };
  if (config !== undefined) list.functionConfig = config;
  // an earlier function's results, kept ahead of ours
  if (s.comments[1] === true) list.results = [{ message: 'from an earlier function', severity: 'info', tags: { rule: 'other/x' } }];
  let text: string;
  if (s.form === 'json') text = `${JSON.stringify(list, null, s.indentSeq ? 2 : undefined)}\n`;
  else if (s.form === 'list') text = yamlText(list, s);
  else text = items.map((item) => yamlText(item, s)).join('---\n');
  if (s.crlf) text = text.replace(/\n/g, '\r\n');
  return s.bom ? `\ufeff${text}` : text;
}
