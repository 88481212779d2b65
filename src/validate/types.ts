import type { Finding, Severity } from '../krm/finding';
import type { Item } from '../krm/item';
import type { Config } from '../config/types';
import type { ValidationConfig } from '../config/sections/validation';

/** What a validation rule sees: every item and the config. */
export interface ValidateContext {
  readonly items: readonly Item[];
  readonly config: Config;
}

/** A finding a rule returns; the registry applies the configured severity. */
export type RuleFinding = Omit<Finding, 'ruleId' | 'severity'> & { readonly severity?: Severity };

/** A YAML example for docs/rules.md: a list of items the rule accepts, and one it reports. */
export interface RuleExample {
  readonly valid: string;
  readonly invalid: string;
  /** `spec.validation` settings the example needs (e.g. `clusterCIDRs`). */
  readonly settings?: Partial<ValidationConfig>;
}

/** One rule: one file, one entry in the registry. */
export interface Rule {
  /** Stable id (`netpol/<name>`); config and tests refer to it. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One sentence for docs/rules.md. */
  readonly summary: string;
  readonly example: RuleExample;
  check(context: ValidateContext): RuleFinding[];
}
