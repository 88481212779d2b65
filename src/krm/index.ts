// The KRM layer owns input and output: ResourceLists and manifest streams in, items and
// findings in the middle, the same kind of list out, with untouched items byte for byte.
export { readInput, type Input, type ReadOptions } from './input';
export { writeOutput, type Output } from './write';
export { InputError, type InputErrorCode } from './errors';
export { compareFindings, FUNCTION_CONFIG_INDEX, type Finding, type Severity } from './finding';
export { formatPath, pathFromJsonPointer, type FieldPath } from './path';
export { toResults, hasErrors, type KrmResult } from './result';
export { formatResults, RESULT_FORMATS, type ResultFormat } from './format';
export type { Item, ItemFile, ItemText, ResourceRef } from './item';
