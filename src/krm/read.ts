import type { CST } from 'yaml';
import { blockSequenceItems, entryValue, scalarOf, sequenceValues, tokenEnd } from './cst';
import { InputError } from './errors';
import { scanLayout } from './scan';
import { positionOf, type Source } from './source';
import { yamlLib } from './yaml-lib';

/** A range of the source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Where one item sits in the source, and the column to re-indent it at. */
export interface ItemSlot extends Span {
  /** Column of the item's first character (its first line starts there). */
  readonly column: number;
}

/** The structure of an input, found without composing its items. */
export interface InputLayout {
  readonly mode: 'resource-list' | 'stream';
  /** Items written in flow style (JSON) cannot be spliced: the writer re-renders the list. */
  readonly flow: boolean;
  readonly slots: readonly ItemSlot[];
  /** ResourceList only: the whole `functionConfig:` and `results:` entries. */
  readonly functionConfig: Span | undefined;
  readonly results: Span | undefined;
  readonly listApiVersion: string | undefined;
  /** Offset just after the last item (block lists), and the column of its `- ` indicator. */
  readonly appendAt: { readonly offset: number; readonly indicatorColumn: number } | undefined;
}

const RESOURCE_LIST_VERSIONS = ['config.kubernetes.io/v1', 'config.kubernetes.io/v1beta1'];

/** Finds the documents (and, for a ResourceList, the items) of an input. */
export function readLayout(source: Source): InputLayout {
  let layout: InputLayout;
  try {
    layout = scanLayout(source.text) ?? parseLayout(source);
  } catch (error) {
    // the CST's text is rebuilt recursively: thousands of nested brackets overflow the stack
    if (error instanceof RangeError) throw new InputError('too-deep', 'input is nested too deeply to find its items: Kubernetes objects are a few dozen levels deep');
    throw error;
  }
  if (layout.mode === 'resource-list') checkListVersion(source, layout.listApiVersion);
  return layout;
}

function checkListVersion(source: Source, apiVersion: string | undefined): void {
  if (apiVersion !== undefined && RESOURCE_LIST_VERSIONS.includes(apiVersion)) return;
  throw new InputError(
    'not-resource-list',
    `ResourceList apiVersion ${JSON.stringify(apiVersion ?? null)} is not supported: expected one of ${RESOURCE_LIST_VERSIONS.join(', ')}`,
    positionOf(source.text, 0),
  );
}

/** The thorough way: tokenise the whole input with the YAML CST parser (also the fast path's oracle in tests). */
export function parseLayout(source: Source): InputLayout {
  const tokens = [...new (yamlLib().Parser)().parse(source.text)];
  const error = tokens.find((token) => token.type === 'error');
  if (error !== undefined && error.type === 'error') {
    throw new InputError('not-yaml', `input is not valid YAML: ${error.message}`, positionOf(source.text, error.offset));
  }
  const documents = tokens.filter((token): token is CST.Document => token.type === 'document');
  const content = documents.filter((document) => document.value !== undefined && !isEmptyScalar(document.value));
  if (content.length === 1 && isResourceList(content[0]!.value)) return resourceListLayout(source, content[0]!);
  return streamLayout(source, content);
}

function isEmptyScalar(token: CST.Token): boolean {
  return token.type === 'scalar' && token.source === '';
}

function isResourceList(token: CST.Token | undefined): boolean {
  return scalarOf(entryValue(token, 'kind')) === 'ResourceList';
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function slotOf(source: Source, token: CST.Token): ItemSlot {
  return { start: token.offset, end: tokenEnd(token), column: columnOf(source.text, token.offset) };
}

function entrySpan(root: CST.Token, key: string): Span | undefined {
  if (root.type !== 'block-map') return undefined;
  const pair = root.items.find((item) => scalarOf(item.key ?? undefined) === key);
  if (pair?.value === undefined || pair.key === undefined || pair.key === null) return undefined;
  return { start: pair.key.offset, end: tokenEnd(pair.value) };
}

function resourceListLayout(source: Source, document: CST.Document): InputLayout {
  const root = document.value!;
  // the tokeniser leaves a key without `:` to the composer, which the fast path never runs
  const stray = root.type === 'block-map' ? root.items.find((item) => item.key && !item.start.some((t) => t.type === 'explicit-key-ind') && !item.sep?.some((t) => t.type === 'map-value-ind')) : undefined;
  if (stray?.key) throw new InputError('not-yaml', 'input is not valid YAML: a line at the top of the ResourceList is not a key: value pair', positionOf(source.text, stray.key.offset));
  const apiVersion = scalarOf(entryValue(root, 'apiVersion'));
  checkListVersion(source, apiVersion);
  const itemsToken = entryValue(root, 'items');
  const isNull = itemsToken === undefined || (itemsToken.type === 'scalar' && ['', '~', 'null', 'Null', 'NULL'].includes(itemsToken.source));
  const sequence = isNull ? { values: [], flow: false } : sequenceValues(itemsToken);
  if (sequence === undefined) {
    throw new InputError('items-not-a-list', 'ResourceList.items must be a list of Kubernetes objects', positionOf(source.text, itemsToken!.offset));
  }
  const slots = sequence.values.map((value, index) => {
    if (value === undefined) throw new InputError('items-not-a-list', `ResourceList.items[${index}] is empty`, positionOf(source.text, itemsToken!.offset));
    return slotOf(source, value);
  });
  const last = itemsToken?.type === 'block-seq' ? blockSequenceItems(itemsToken).at(-1) : undefined;
  const indicator = last?.start.find((token) => token.type === 'seq-item-ind');
  return {
    mode: 'resource-list',
    flow: sequence.flow || root.type !== 'block-map',
    slots,
    functionConfig: entrySpan(root, 'functionConfig'),
    results: entrySpan(root, 'results'),
    listApiVersion: apiVersion,
    appendAt:
      last?.value !== undefined && indicator !== undefined
        ? { offset: tokenEnd(last.value), indicatorColumn: columnOf(source.text, indicator.offset) }
        : undefined,
  };
}

function streamLayout(source: Source, documents: readonly CST.Document[]): InputLayout {
  return {
    mode: 'stream',
    // every document stands alone at column 0, so even flow (JSON) documents splice
    flow: false,
    slots: documents.map((document) => slotOf(source, document.value!)),
    functionConfig: undefined,
    results: undefined,
    listApiVersion: undefined,
    appendAt: undefined,
  };
}
