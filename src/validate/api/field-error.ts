import type { FieldPath } from '../../krm/path';
import { formatPath } from '../../krm/path';
import type { KubeVersion } from './version';

/**
 * The API server's error types (`field.ErrorType`), plus the two decoding failures that
 * stop a request before validation (a 400 rather than a 422).
 */
export type ApiErrorType =
  | 'Invalid'
  | 'Required'
  | 'Forbidden'
  | 'NotSupported'
  | 'TooLong'
  | 'StrictDecoding'
  | 'Decode';

/** One API-server error about one field, as data; rendered only by `renderApiError`. */
export interface ApiError {
  readonly type: ApiErrorType;
  readonly path: FieldPath;
  /** The offending value (`field.Error.BadValue`); absent for Required/Forbidden/TooLong. */
  readonly value?: BadValue;
  readonly detail: string;
}

/**
 * A bad value with the Go type the API server prints it as: numbers and bools plainly,
 * Go strings quoted, named string types and slices as JSON (1.34+) or `%#v` (older).
 */
export type BadValue =
  | { readonly go: 'int' | 'bool'; readonly value: number | boolean }
  | { readonly go: 'string'; readonly value: string }
  | { readonly go: 'named-string'; readonly value: string }
  | { readonly go: 'slice'; readonly goType: string; readonly value: readonly string[] }
  /** A struct or a slice of structs: JSON from 1.34; older servers print Go syntax we do not reproduce. */
  | { readonly go: 'struct'; readonly value: unknown };

/** Go's `%q`: JSON escaping, except control characters Go writes as `\a`, `\v` and `\xNN`. */
export function goQuote(text: string): string {
  return JSON.stringify(text)
    .replace(/\\u0007/g, '\\a')
    .replace(/\\u000b/g, '\\v')
    .replace(/\\u00([0-9a-f]{2})/g, '\\x$1')
    .replace(/\x7f/g, '\\x7f');
}

function renderValue(value: BadValue, version: KubeVersion): string {
  switch (value.go) {
    case 'int':
    case 'bool':
      return String(value.value);
    case 'string':
    case 'named-string':
      return goQuote(value.value);
    case 'struct':
      return JSON.stringify(value.value);
    case 'slice':
      return version.minor >= 34
        ? JSON.stringify(value.value)
        : `${value.goType}{${value.value.map(goQuote).join(', ')}}`;
  }
}

const TYPE_TEXT: Readonly<Record<Exclude<ApiErrorType, 'StrictDecoding' | 'Decode'>, string>> = {
  Invalid: 'Invalid value',
  Required: 'Required value',
  Forbidden: 'Forbidden',
  NotSupported: 'Unsupported value',
  TooLong: 'Too long',
};

/**
 * The error as `field.Error.Error()` prints it (`<path>: <body>`); decoding errors are
 * printed the way the request decoder words them, which already names the field.
 */
export function renderApiError(error: ApiError, version: KubeVersion): string {
  if (error.type === 'StrictDecoding' || error.type === 'Decode') return error.detail;
  let body = TYPE_TEXT[error.type];
  if (error.value !== undefined) body += `: ${renderValue(error.value, version)}`;
  if (error.detail !== '') body += `: ${error.detail}`;
  return `${formatPath(error.path)}: ${body}`;
}

/** `field.Invalid` with a Go string value. */
export function invalidString(path: FieldPath, value: string, detail: string): ApiError {
  return { type: 'Invalid', path, value: { go: 'string', value }, detail };
}

/** `field.Invalid` with a Go integer value. */
export function invalidInt(path: FieldPath, value: number, detail: string): ApiError {
  return { type: 'Invalid', path, value: { go: 'int', value }, detail };
}

/** `field.Required`. */
export function required(path: FieldPath, detail: string): ApiError {
  return { type: 'Required', path, detail };
}

/** `field.Forbidden`. */
export function forbidden(path: FieldPath, detail: string): ApiError {
  return { type: 'Forbidden', path, detail };
}

/** `field.NotSupported` with a named-string value and the supported values listed. */
export function notSupported(path: FieldPath, value: string, supported: readonly string[]): ApiError {
  return {
    type: 'NotSupported',
    path,
    value: { go: 'named-string', value },
    detail: `supported values: ${supported.map(goQuote).join(', ')}`,
  };
}
