import type { Document } from 'yaml';
import type { Finding } from './finding';
import type { Item, ItemFile, ItemText, ResourceRef } from './item';
import { itemText, MAX_ALIAS_COUNT, parseEditable, parseValue } from './parse-item';
import type { ItemSlot } from './read';
import { sniffHeader, type SniffedHeader } from './sniff';
import { isMapping } from './path';

/**
 * An item of the input. It knows its identity from a cheap look at its text; its value
 * is parsed on first use, and only `document()` builds the comment-preserving Document
 * (the item is then re-emitted from it). Items no stage reads are never parsed.
 */
export class SourceItem implements Item {
  private readonly header: SniffedHeader | undefined;
  private parsed = false;
  private plain: unknown;
  private editable: Document | undefined;
  /** Text a transform wrote in place of the slot's text (padded like `itemText`). */
  private patched: string | undefined;
  private readonly found: Finding[] = [];

  constructor(
    readonly index: number,
    readonly slot: ItemSlot | undefined,
    /** The whole input text the slot points into. */
    private readonly source: string,
    /** 1-based line of the item's first line in the input (for messages). */
    private readonly firstLine: number,
    private readonly knownFile?: ItemFile,
    generated?: Document,
  ) {
    this.editable = generated;
    this.header = generated === undefined && slot !== undefined ? sniffHeader(source, slot.start, slot.end, slot.column) : undefined;
  }

  /** An item read from a slot of the source text. */
  static fromSlot(index: number, slot: ItemSlot, source: string, firstLine: number, file?: ItemFile): SourceItem {
    return new SourceItem(index, slot, source, firstLine, file);
  }

  /** An item a transform generated. */
  static generated(index: number, document: Document): SourceItem {
    return new SourceItem(index, undefined, '', 0, undefined, document);
  }

  /** The item's current text, its first line padded to its own column. */
  private currentText(): string {
    if (this.patched !== undefined) return this.patched;
    return this.slot === undefined ? '' : itemText(this.source, this.slot.start, this.slot.end, this.slot.column);
  }

  /** Line-level access; a Document taken earlier wins, so text access is only offered before. */
  get text(): ItemText | undefined {
    if (this.slot === undefined || this.editable !== undefined) return undefined;
    return {
      read: () => this.currentText(),
      write: (text: string, value?: unknown) => {
        this.patched = text;
        this.found.length = 0;
        this.parsed = value !== undefined;
        this.plain = value;
      },
    };
  }

  /** Text to write for an item patched at line level (first line without its padding). */
  get patchedText(): string | undefined {
    if (this.patched === undefined || this.slot === undefined || this.editable !== undefined) return undefined;
    return this.patched.slice(this.slot.column);
  }

  get value(): unknown {
    if (!this.parsed) this.parse();
    return this.plain;
  }

  get ref(): ResourceRef {
    if (this.header !== undefined) return (this.headerRef ??= refOfHeader(this.header));
    return refOf(this.value);
  }

  /** The ref the sniffed header gives, made once: stages ask for it again and again. */
  private headerRef: ResourceRef | undefined;

  get file(): ItemFile | undefined {
    return this.knownFile ?? fileOf(this.value);
  }

  /** Whether a transform changed the item (through its Document or its text). */
  get isEdited(): boolean {
    return this.slot !== undefined && (this.editable !== undefined || this.patched !== undefined);
  }

  /** Whether stages may look at this item: its identity reads, and parsing (if done) worked. */
  get usable(): boolean {
    if (this.header === undefined) this.parse();
    return this.found.length === 0;
  }

  /** Problems found so far (items never parsed have none to report). */
  get problems(): readonly Finding[] {
    return this.found;
  }

  document(): Document {
    if (this.editable === undefined) this.editable = parseEditable(this.currentText());
    return this.editable;
  }

  /** Re-reads the value after edits, so later stages see what will be written. */
  refresh(): void {
    if (this.editable !== undefined) this.plain = this.editable.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  }

  private parse(): void {
    if (this.parsed) return;
    this.parsed = true;
    if (this.editable !== undefined) {
      this.refresh();
      return;
    }
    const result = parseValue(this.currentText(), this.firstLine);
    if ('problem' in result) {
      const { message, line, col } = result.problem;
      const at = line === undefined ? '' : `YAML error at line ${line}, column ${col ?? 1}: `;
      this.found.push({ ruleId: 'krm/yaml-syntax', severity: 'error', itemIndex: this.index, message: `${at}${message}; the item is passed through unchanged` });
      return;
    }
    this.plain = result.value;
    this.found.push(...shapeProblems(this.plain, this.index));
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The identity an object's own fields give it (empty strings where they are missing). */
export function refOf(value: unknown): ResourceRef {
  const root = isMapping(value) ? value : {};
  const metadata = isMapping(root.metadata) ? root.metadata : {};
  const namespace = text(metadata.namespace);
  return {
    apiVersion: text(root.apiVersion) ?? '',
    kind: text(root.kind) ?? '',
    name: text(metadata.name) ?? '',
    ...(namespace === undefined || namespace === '' ? {} : { namespace }),
  };
}

/** The file an object came from, by its path and index annotations (current or legacy keys). */
export function fileOf(value: unknown): ItemFile | undefined {
  const metadata = isMapping(value) && isMapping(value.metadata) ? value.metadata : {};
  const annotations = isMapping(metadata.annotations) ? metadata.annotations : {};
  const path = text(annotations['config.kubernetes.io/path']) ?? text(annotations['internal.config.kubernetes.io/path']);
  if (path === undefined) return undefined;
  const rawIndex = text(annotations['config.kubernetes.io/index']) ?? text(annotations['internal.config.kubernetes.io/index']);
  const index = rawIndex !== undefined && /^[0-9]+$/.test(rawIndex) ? Number(rawIndex) : 0;
  return { path, index };
}

function shapeProblems(value: unknown, index: number): Finding[] {
  if (!isMapping(value)) {
    return [{ ruleId: 'krm/not-an-object', severity: 'error', itemIndex: index, message: 'item is not a Kubernetes object (a YAML mapping with apiVersion and kind)' }];
  }
  const missing = ['apiVersion', 'kind'].filter((key) => typeof value[key] !== 'string' || value[key] === '');
  return missing.map((key) => ({ ruleId: 'krm/missing-type', severity: 'error' as const, itemIndex: index, path: [key], message: `item has no ${key}: every Kubernetes object needs apiVersion and kind` }));
}

function refOfHeader({ apiVersion, kind, name, namespace }: SniffedHeader): ResourceRef {
  return { apiVersion, kind, name: name ?? '', ...(namespace === undefined || namespace === '' ? {} : { namespace }) };
}
