import type { Finding, Severity } from '../krm/finding';
import { expandLists } from './expand';
import { RULES } from './registry';
import type { Rule, ValidateContext } from './types';

/** The severity configured for a rule: `off`, an override, or `undefined` for the rule's own. */
function configured(rule: Rule, context: ValidateContext): Severity | 'off' | undefined {
  const rules = context.config.validation.rules;
  return Object.prototype.hasOwnProperty.call(rules, rule.id) ? rules[rule.id] : undefined;
}

/**
 * The validate stage: runs every rule in the registry (unless validation is disabled or the
 * rule is `off`) over the items with list members expanded, applies configured severities,
 * and orders findings by item, keeping the registry's order and each rule's order (the API
 * server's) within an item.
 */
export function validate(context: ValidateContext, rules: readonly Rule[] = RULES): Finding[] {
  if (!context.config.validation.enabled) return [];
  const expanded = expandLists(context.items);
  const view: ValidateContext = { items: expanded.items, config: context.config };
  const findings: Finding[] = [];
  for (const rule of rules) {
    const override = configured(rule, context);
    if (override === 'off') continue;
    for (const finding of rule.check(view)) {
      findings.push(expanded.place({ ...finding, ruleId: rule.id, severity: override ?? finding.severity ?? rule.defaultSeverity }));
    }
  }
  // Array.prototype.sort is stable, so equal item indexes keep rule and emission order.
  return findings.sort((a, b) => (a.itemIndex ?? -1) - (b.itemIndex ?? -1));
}
