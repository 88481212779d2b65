import { InputError } from './errors';

/** Input text after the byte-level normalisation every reader relies on. */
export interface Source {
  /** The text with a leading BOM removed and, if every line ends in CRLF, LF line ends. */
  readonly text: string;
  /** Whether the input used CRLF line ends throughout (the output uses them again). */
  readonly crlf: boolean;
}

/** Default ceiling for one input; a KRM function holds its whole input in memory. */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Decodes and normalises raw input; rejects empty and oversized input with a clear error. */
export function readSource(raw: string | Uint8Array, maxBytes: number = DEFAULT_MAX_INPUT_BYTES): Source {
  const size = typeof raw === 'string' ? Buffer.byteLength(raw) : raw.byteLength;
  if (size > maxBytes) {
    throw new InputError('input-too-large', `input is ${size} bytes, more than the limit of ${maxBytes} bytes (set NETPOL_GUARD_MAX_INPUT_BYTES to raise it)`);
  }
  let text = typeof raw === 'string' ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Only a consistently CRLF input is normalised (and restored on output): a file that
  // mixes line ends is kept as it is, so its untouched items still come back byte for byte.
  const crlf = text.includes('\r\n') && !/(^|[^\r])\n/.test(text);
  if (crlf) text = text.replace(/\r\n/g, '\n');
  if (text.trim() === '') throw new InputError('empty-input', 'input is empty: expected a ResourceList or Kubernetes manifests');
  return { text, crlf };
}

/** Restores the input's line ends on output. */
export function restoreLineEnds(text: string, source: Source): string {
  return source.crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** 1-based line and column of an offset, for messages. */
export function positionOf(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, col: offset - lineStart + 1 };
}
