import type { Document } from 'yaml';
import { composeNode } from './cst';
import type { Finding } from './finding';
import type { Item, ItemFile, ResourceRef } from './item';
import type { ItemSlot } from './read';
import { positionOf } from './source';

/** Most aliases one item may expand (yaml's guard against "billion laughs" documents). */
const MAX_ALIAS_COUNT = 100;

/**
 * An item read from the input. Its value is composed from the CST slot once; `document()`
 * hands out that Document for editing and marks the item for re-emission.
 */
export class SourceItem implements Item {
  readonly ref: ResourceRef;
  readonly file: ItemFile | undefined;
  /** Why the item cannot be processed (it is still written back unchanged). */
  readonly problems: readonly Finding[];
  private parsed: Document.Parsed | Document;
  private plain: unknown;
  private edited = false;

  constructor(
    readonly index: number,
    readonly slot: ItemSlot | undefined,
    document: Document.Parsed | Document,
    sourceText: string,
    earlier: readonly Finding[] = [],
    knownFile?: ItemFile,
  ) {
    this.parsed = document;
    const problems: Finding[] = [...earlier];
    for (const error of document.errors) {
      const at = positionOf(sourceText, error.pos[0]);
      problems.push({ ruleId: 'krm/yaml-syntax', severity: 'error', itemIndex: index, message: `YAML error at line ${at.line}, column ${at.col}: ${firstLine(error.message)}` });
    }
    this.plain = problems.length === 0 ? toPlain(document, index, problems) : undefined;
    this.ref = refOf(this.plain);
    this.file = knownFile ?? fileOf(this.plain);
    if (problems.length === 0) problems.push(...shapeProblems(this.plain, index));
    this.problems = problems;
  }

  /** Reads the item in a slot of the source. */
  static fromSlot(index: number, slot: ItemSlot, sourceText: string, file?: ItemFile): SourceItem {
    let document: Document.Parsed;
    try {
      document = composeNode(slot.token);
    } catch (error) {
      const reason = error instanceof RangeError ? 'it is nested too deeply' : 'it could not be parsed';
      const problem: Finding = { ruleId: 'krm/yaml-syntax', severity: 'error', itemIndex: index, message: `item skipped: ${reason}` };
      return new SourceItem(index, slot, composeNode({ type: 'scalar', offset: 0, indent: 0, source: '' }), sourceText, [problem], file);
    }
    return new SourceItem(index, slot, document, sourceText, [], file);
  }

  get value(): unknown {
    return this.plain;
  }

  /** Whether a transform took the Document (the writer re-emits it). */
  get isEdited(): boolean {
    return this.edited;
  }

  /** Whether stages may look at this item. */
  get usable(): boolean {
    return this.problems.length === 0;
  }

  document(): Document {
    this.edited = true;
    return this.parsed;
  }

  /** Re-reads the value after edits, so later stages see what will be written. */
  refresh(): void {
    if (!this.edited) return;
    this.plain = toPlain(this.parsed, this.index, []);
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function toPlain(document: Document, index: number, problems: Finding[]): unknown {
  try {
    return document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const reason =
      error instanceof RangeError
        ? 'it is nested too deeply'
        : error instanceof ReferenceError
          ? `it expands more than ${MAX_ALIAS_COUNT} aliases (a YAML alias bomb?) or uses an undefined alias`
          : 'its value could not be read';
    problems.push({ ruleId: 'krm/yaml-syntax', severity: 'error', itemIndex: index, message: `item skipped: ${reason}` });
    return undefined;
  }
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function refOf(value: unknown): ResourceRef {
  const root = isMap(value) ? value : {};
  const metadata = isMap(root.metadata) ? root.metadata : {};
  const namespace = text(metadata.namespace);
  return {
    apiVersion: text(root.apiVersion) ?? '',
    kind: text(root.kind) ?? '',
    name: text(metadata.name) ?? '',
    ...(namespace === undefined || namespace === '' ? {} : { namespace }),
  };
}

function fileOf(value: unknown): ItemFile | undefined {
  const metadata = isMap(value) && isMap(value.metadata) ? value.metadata : {};
  const annotations = isMap(metadata.annotations) ? metadata.annotations : {};
  const path = text(annotations['config.kubernetes.io/path']) ?? text(annotations['internal.config.kubernetes.io/path']);
  if (path === undefined) return undefined;
  const rawIndex = text(annotations['config.kubernetes.io/index']) ?? text(annotations['internal.config.kubernetes.io/index']);
  const index = rawIndex !== undefined && /^[0-9]+$/.test(rawIndex) ? Number(rawIndex) : 0;
  return { path, index };
}

function shapeProblems(value: unknown, index: number): Finding[] {
  if (!isMap(value)) {
    return [{ ruleId: 'krm/not-an-object', severity: 'error', itemIndex: index, message: 'item is not a Kubernetes object (a YAML mapping with apiVersion and kind)' }];
  }
  const missing = ['apiVersion', 'kind'].filter((key) => typeof value[key] !== 'string' || value[key] === '');
  return missing.map((key) => ({ ruleId: 'krm/missing-type', severity: 'error' as const, itemIndex: index, path: [key], message: `item has no ${key}: every Kubernetes object needs apiVersion and kind` }));
}
