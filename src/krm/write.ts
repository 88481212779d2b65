import type { Document, ToStringOptions } from 'yaml';
import { sequenceStyle } from './block-lines';
import type { SourceItem } from './items';
import { jsYamlLib } from './js-yaml-lib';
import { valueAt } from './path';
import { resultText, type KrmResult } from './result';
import type { InputLayout } from './read';
import { restoreLineEnds, type Source } from './source';
import { yamlLib } from './yaml-lib';

/** How re-emitted YAML is written: no line folding, kustomize's compact sequences by default. */
const STRINGIFY: ToStringOptions = { lineWidth: 0, minContentWidth: 0, indentSeq: false };

/** What the writer puts back: the input items, generated items and the results. */
export interface Output {
  readonly items: readonly SourceItem[];
  readonly added: readonly Document[];
  readonly results: readonly KrmResult[];
  /** Results the input ResourceList already carried (kept, ours follow). */
  readonly earlierResults: readonly unknown[];
  /** The functionConfig value, re-rendered only when the whole list is. */
  readonly functionConfig: unknown;
}

/**
 * Writes the output. Untouched items are copied from the source byte for byte; edited
 * items are spliced in at their own place and indentation; JSON/flow input is re-rendered
 * as block YAML (there is no block text to splice into).
 */
export function writeOutput(source: Source, layout: InputLayout, output: Output): string {
  const needsRender = layout.flow || (output.added.length > 0 && layout.mode === 'resource-list' && layout.appendAt === undefined);
  const text = needsRender ? render(layout, output) : splice(source, layout, output);
  return restoreLineEnds(text, source);
}

/** The text of an edited item at the indentation of its slot. */
export function emitAt(document: Document, column: number, seqStyle: 'compact' | 'wide'): string {
  const text = document.toString({ ...STRINGIFY, indentSeq: seqStyle === 'wide' });
  return indentLines(text, column);
}

function indentLines(text: string, column: number): string {
  if (column === 0) return text;
  const pad = ' '.repeat(column);
  return text.replace(/\n(?=[^\n])/g, `\n${pad}`);
}

/** kpt records the author's sequence style; otherwise look at the item's own text. */
function seqStyleOf(item: SourceItem, sourceText: string): 'compact' | 'wide' {
  const annotation = valueAt(item.value, ['metadata', 'annotations', 'internal.config.kubernetes.io/seqindent']);
  if (annotation === 'wide' || annotation === 'compact') return annotation;
  if (item.slot === undefined) return 'compact';
  return sequenceStyle(sourceText.slice(item.slot.start, item.slot.end));
}

function splice(source: Source, layout: InputLayout, output: Output): string {
  const edits: { start: number; end: number; text: string }[] = [];
  for (const item of output.items) {
    if (!item.isEdited || item.slot === undefined) continue;
    const patched = item.patchedText;
    if (patched !== undefined) {
      edits.push({ start: item.slot.start, end: item.slot.end, text: patched });
      continue;
    }
    // a Document the parser found errors in is never written: the original text stays
    if (item.document().errors.length > 0) continue;
    edits.push({ start: item.slot.start, end: item.slot.end, text: emitAt(item.document(), item.slot.column, seqStyleOf(item, source.text)) });
  }
  if (output.added.length > 0) {
    if (layout.mode === 'stream') {
      const end = source.text.length;
      const separator = source.text.endsWith('\n') ? '' : '\n';
      edits.push({ start: end, end, text: separator + output.added.map((document) => `---\n${emitAt(document, 0, 'compact')}`).join('') });
    } else if (layout.appendAt !== undefined) {
      const { offset, indicatorColumn } = layout.appendAt;
      const separator = source.text[offset - 1] === '\n' ? '' : '\n';
      const pad = ' '.repeat(indicatorColumn);
      const text = output.added.map((document) => `${pad}- ${emitAt(document, indicatorColumn + 2, 'compact')}`).join('');
      edits.push({ start: offset, end: offset, text: separator + text });
    }
  }
  if (layout.mode === 'resource-list') {
    const resultsText = renderResults(output);
    if (layout.results !== undefined) {
      edits.push({ start: layout.results.start, end: layout.results.end, text: resultsText });
    } else if (resultsText !== '') {
      const end = source.text.length;
      edits.push({ start: end, end, text: (source.text.endsWith('\n') ? '' : '\n') + resultsText });
    }
  }
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += source.text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + source.text.slice(at);
}

/**
 * The `results:` entry: results of earlier functions as they came (js-yaml), then ours,
 * whose shape is fixed, written directly (a 10,000-item list can carry 12,000 of them).
 */
function renderResults(output: Output): string {
  if (output.earlierResults.length === 0 && output.results.length === 0) return '';
  const earlier = output.earlierResults.length === 0 ? '' : jsYamlLib().dump(output.earlierResults, { lineWidth: -1, noRefs: true, noArrayIndent: true, schema: jsYamlLib().CORE_SCHEMA });
  return `results:\n${earlier}${output.results.map(resultText).join('')}`;
}

function render(layout: InputLayout, output: Output): string {
  const documents = [...output.items.map((item) => item.document()), ...output.added];
  if (layout.mode === 'stream') return documents.map((document) => blockText(document)).join('---\n');
  const { Document, isCollection } = yamlLib();
  const list = new Document({ apiVersion: layout.listApiVersion ?? 'config.kubernetes.io/v1', kind: 'ResourceList', items: [] as unknown[] });
  const items = list.get('items');
  if (isCollection(items)) for (const document of documents) items.items.push(document.contents as never);
  if (output.functionConfig !== undefined && output.functionConfig !== null) list.set('functionConfig', list.createNode(output.functionConfig));
  const all = [...output.earlierResults, ...output.results];
  if (all.length > 0) list.set('results', list.createNode(all));
  return blockText(list);
}

/** Block style throughout; JSON's quoted keys become plain where that reads the same. */
function blockText(document: Document): string {
  const { isScalar, visit } = yamlLib();
  visit(document, {
    // an empty collection stays `{}`/`[]` on its key's line
    Map: (_key, node) => void (node.flow = node.items.length === 0),
    Seq: (_key, node) => void (node.flow = node.items.length === 0),
    Pair: (_key, pair) => {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && /^[A-Za-z_][A-Za-z0-9_./-]*$/.test(pair.key.value)) pair.key.type = 'PLAIN';
    },
  });
  return document.toString(STRINGIFY);
}
