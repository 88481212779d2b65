import { apiDecoding } from './rules/api-decoding';
import { apiValidation } from './rules/api-validation';
import { apiVersion } from './rules/api-version';
import { apiWarning } from './rules/api-warning';
import type { Rule } from './types';

/** Every validation and lint rule, in report order; a new rule is one line here. */
export const RULES: readonly Rule[] = [
  apiVersion,
  apiDecoding,
  apiValidation,
  apiWarning,
];
