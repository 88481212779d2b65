/**
 * Reads an item's identity (apiVersion, kind, metadata.name and .namespace) from its
 * text without parsing it, so items of kinds no stage reads are never parsed. It only
 * answers for the plain block layout every YAML emitter writes; anything else
 * (flow style, quoted keys, anchors, tags, block scalars) returns `undefined` and the
 * caller parses the item instead.
 */

/** What a sniff found; `name`/`namespace` are absent when the item does not set them. */
export interface SniffedHeader {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string | undefined;
  readonly namespace: string | undefined;
}

// a comment needs a space before it: in `app#1` the `#` is part of the scalar
const SIMPLE_VALUE = /^(?:'([^']*)'|"([^"\\]*)"|([A-Za-z0-9][A-Za-z0-9._\/:@+-]*))(?:[ \t]+(?:#.*)?)?$/;
const KEY = /^[A-Za-z][A-Za-z0-9_-]*$/;
const SPACE = 32;
const HASH = 35;
const NEWLINE = 10;

/** A plain, single- or double-quoted scalar without escapes, or `undefined`. */
function simpleScalar(raw: string): string | undefined {
  const match = SIMPLE_VALUE.exec(raw.trim());
  if (match === null) return undefined;
  const plain = match[3];
  // plain words YAML reads as numbers, booleans or null are left to the parser
  if (plain !== undefined && /^(?:[-+.0-9]|(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)/.test(plain)) return undefined;
  return match[1] ?? match[2] ?? plain;
}

/**
 * Sniffs the header of the item at `text[start, end)` whose first key starts at
 * `column` (the first line's indentation lies before `start`). With `stopAtKind`, it
 * stops as soon as apiVersion and that kind are read: a ResourceList has no metadata to
 * wait for, and its reader checks its top-level keys itself (a 15 MB list need not be
 * walked to the end to learn that it is one).
 */
export function sniffHeader(text: string, start: number, end: number, column: number, stopAtKind?: string): SniffedHeader | undefined {
  let apiVersion: string | undefined;
  let kind: string | undefined;
  let name: string | undefined;
  let namespace: string | undefined;
  let inMetadata = false;
  let metadataColumn = -1;
  let metadataClosed = false;
  let lineStart = start;
  let first = true;
  while (lineStart < end) {
    let newline = text.indexOf('\n', lineStart);
    if (newline === -1 || newline > end) newline = end;
    let at = lineStart;
    while (at < newline && text.charCodeAt(at) === SPACE) at++;
    const indent = first ? column : at - lineStart;
    first = false;
    const next = newline + 1;
    const code = text.charCodeAt(at);
    if (at === newline || code === HASH || code === NEWLINE) {
      lineStart = next;
      continue;
    }
    if (indent < column) return undefined;
    // deeper lines matter only as metadata's direct children
    if (indent > column && !(inMetadata && (metadataColumn === -1 || indent === metadataColumn))) {
      lineStart = next;
      continue;
    }
    const content = text.slice(at, newline);
    lineStart = next;
    if (indent === column) {
      if (inMetadata) metadataClosed = true;
      inMetadata = false;
      // identity is complete: the rest (spec, data, ...) need not be read
      if (apiVersion !== undefined && kind !== undefined && (metadataClosed || kind === stopAtKind)) break;
      // a compact sequence under the previous key (`items:` then `- ...` at the same column)
      if (content === '-' || content.startsWith('- ')) continue;
      const colon = content.indexOf(':');
      if (colon <= 0) return undefined;
      const key = content.slice(0, colon);
      if (!KEY.test(key)) return undefined;
      const rest = content.slice(colon + 1);
      if (key === 'apiVersion' || key === 'kind') {
        const value = simpleScalar(rest);
        if (value === undefined) return undefined;
        if (key === 'apiVersion') apiVersion = value;
        else kind = value;
      } else if (key === 'metadata') {
        const trimmed = rest.trim();
        if (trimmed !== '' && !trimmed.startsWith('#')) return undefined;
        inMetadata = true;
        metadataColumn = -1;
      }
      continue;
    }
    if (metadataColumn === -1) metadataColumn = indent;
    const colon = content.indexOf(':');
    if (colon <= 0) return undefined;
    const key = content.slice(0, colon);
    if (key === 'name' || key === 'namespace') {
      const value = simpleScalar(content.slice(colon + 1));
      if (value === undefined) return undefined;
      if (key === 'name') name = value;
      else namespace = value;
    } else if (!KEY.test(key) && !/^[A-Za-z0-9][A-Za-z0-9._\/-]*$/.test(key)) return undefined;
  }
  if (apiVersion === undefined || kind === undefined) return undefined;
  return { apiVersion, kind, name, namespace };
}
