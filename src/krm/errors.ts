/** Why an input could not be processed as a whole; each becomes an error result at the edge. */
export type InputErrorCode =
  | 'empty-input'
  | 'input-too-large'
  | 'not-yaml'
  | 'not-resource-list'
  | 'items-not-a-list'
  | 'bad-function-config'
  | 'bad-earlier-results'
  | 'unreadable-path'
  | 'too-deep'
  | 'shared-anchor';

/** An operational failure with a stable code, a message for people, and a position if known. */
export class InputError extends Error {
  constructor(
    readonly code: InputErrorCode,
    message: string,
    readonly position?: { readonly line: number; readonly col: number },
    readonly file?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
