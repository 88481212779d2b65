// The validate stage: the API server's verdict on every NetworkPolicy (decoding, defaulting,
// validation, warnings) and the lint rules, as findings; it never changes an item.
export { validate } from './run';
export { RULES } from './registry';
export { checkValidationConfig, knownRuleIds } from './config';
export type { ValidationConfigProblem } from './config';
export type { Rule, RuleExample, RuleFinding, ValidateContext } from './types';
export { checkNetworkPolicy } from './api/check';
export type { ApiVerdict } from './api/check';
export type { ApiError, ApiErrorType } from './api/field-error';
export { renderApiError } from './api/field-error';
export type { KubeVersion } from './api/version';
export { parseKubeVersion } from './api/version';
