import type { Rule } from './types';

/** Every validation and lint rule, in report order; a new rule is one line here. */
export const RULES: readonly Rule[] = [];
