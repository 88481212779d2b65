import { CST, Parser } from 'yaml';
import { entryValue, scalarOf, sequenceValues, tokenEnd } from './cst';
import { InputError } from './errors';
import { positionOf, type Source } from './source';

/** Where one item sits in the source: its value node and the column to re-indent at. */
export interface ItemSlot {
  readonly token: CST.Token;
  readonly start: number;
  readonly end: number;
  /** Column of the item's first character; re-emitted lines are indented to it. */
  readonly column: number;
}

/** The structure of an input, found without composing its items. */
export interface InputLayout {
  readonly mode: 'resource-list' | 'stream';
  /** Items written in flow style (JSON) cannot be spliced: the writer re-renders the list. */
  readonly flow: boolean;
  readonly slots: readonly ItemSlot[];
  /** ResourceList only: its `functionConfig` node, `results` entry, and where new items go. */
  readonly functionConfig: CST.Token | undefined;
  readonly results: { readonly token: CST.Token; readonly start: number; readonly end: number } | undefined;
  readonly listApiVersion: string | undefined;
  /** Offset just after the last item (block lists), and the column of its `- ` indicator. */
  readonly appendAt: { readonly offset: number; readonly indicatorColumn: number } | undefined;
}

const RESOURCE_LIST_VERSIONS = ['config.kubernetes.io/v1', 'config.kubernetes.io/v1beta1'];

/** Finds the documents (and, for a ResourceList, the items) of an input. */
export function readLayout(source: Source): InputLayout {
  const tokens = [...new Parser().parse(source.text)];
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
  return { token, start: token.offset, end: tokenEnd(token), column: columnOf(source.text, token.offset) };
}

function resourceListLayout(source: Source, document: CST.Document): InputLayout {
  const root = document.value!;
  const apiVersion = scalarOf(entryValue(root, 'apiVersion'));
  if (apiVersion === undefined || !RESOURCE_LIST_VERSIONS.includes(apiVersion)) {
    throw new InputError(
      'not-resource-list',
      `ResourceList apiVersion ${JSON.stringify(apiVersion ?? null)} is not supported: expected one of ${RESOURCE_LIST_VERSIONS.join(', ')}`,
      positionOf(source.text, root.offset),
    );
  }
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
  const resultsPair = root.type === 'block-map' ? root.items.find((item) => scalarOf(item.key ?? undefined) === 'results') : undefined;
  const last = itemsToken?.type === 'block-seq' ? itemsToken.items[itemsToken.items.length - 1] : undefined;
  const indicator = last?.start.find((token) => token.type === 'seq-item-ind');
  return {
    mode: 'resource-list',
    flow: sequence.flow || root.type !== 'block-map',
    slots,
    functionConfig: entryValue(root, 'functionConfig'),
    results:
      resultsPair?.value === undefined || resultsPair.key === undefined || resultsPair.key === null
        ? undefined
        : { token: resultsPair.value, start: resultsPair.key.offset, end: tokenEnd(resultsPair.value) },
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
