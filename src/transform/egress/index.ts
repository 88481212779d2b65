/**
 * The `egress` transform: merges each grant of `spec.egress.grants` into the policies it
 * targets, or into the separate policy it generates.
 */
import type { EgressGrant, MergeTarget } from '../../config/sections/egress';
import { FUNCTION_CONFIG_INDEX, type Finding } from '../../krm/finding';
import { ensureDns } from '../dns';
import type { Item } from '../../krm/item';
import { readLabelSelector } from '../../netpol/read';
import { selectorMatches } from '../../netpol/selector';
import { current } from '../edit';
import { field, isNetworkPolicy } from '../policies';
import { isMapping } from '../../krm/path';
import type { Transform, TransformContext } from '../types';
import { generatedPolicy } from './generate';
import { mergeEgressRule, type EgressRule } from './merge';

/** Result id of a change a grant made. */
export const GRANT_RULE_ID = 'netpol-guard/egress-grant';

/** Result id of a grant that matched no policy. */
export const UNMATCHED_RULE_ID = 'netpol-guard/egress-unmatched';

/** Overlay egress grants, as configured by `spec.egress`. */
export const egressTransform: Transform = {
  id: 'egress',
  enabled: (config) => config.egress.grants.length > 0,
  run: (context) => {
    const generated = new Map<string, Item>();
    return context.config.egress.grants.flatMap((grant, index) => runGrant(context, grant, index, generated));
  },
};

/** The grant as an egress rule: ports with their protocol written out and no repeats, `to` as given. */
export function grantRule(grant: EgressGrant): EgressRule {
  const seen = new Set<string>();
  const ports = grant.ports
    .map((port) => ({
      protocol: port.protocol ?? 'TCP',
      port: port.port,
      ...(port.endPort === undefined ? {} : { endPort: port.endPort }),
    }))
    .filter((port) => {
      // A port listed twice in one grant is written once.
      const key = JSON.stringify([port.protocol, port.port, port.endPort ?? port.port]);
      return !seen.has(key) && Boolean(seen.add(key));
    });
  return grant.to === undefined ? { ports } : { to: grant.to, ports };
}

function runGrant(context: TransformContext, grant: EgressGrant, index: number, generated: Map<string, Item>): Finding[] {
  const subject = `grant ${grant.name ?? index}`;
  const rule = grantRule(grant);
  const options = { ruleId: GRANT_RULE_ID, subject, addEgressPolicyType: grant.mergeInto?.addEgressPolicyType === true };
  if (grant.generate !== undefined) {
    const { item, created, findings } = generatedPolicy(context, grant.generate, subject, generated);
    if (item === undefined) return findings;
    const merged = [...findings, ...mergeEgressRule(item, rule, options)];
    // The DNS transform only sees the input's items; a generated policy gets DNS here, so a
    // second run (where the policy is input) finds nothing left to add.
    return created && context.config.dns.ensure ? [...merged, ...ensureDns(item, context.items, context.config.dns)] : merged;
  }
  const target = grant.mergeInto;
  const targets = target === undefined ? [] : context.items.filter((item) => isNetworkPolicy(item) && targeted(item, target));
  if (targets.length === 0)
    return [
      {
        ruleId: UNMATCHED_RULE_ID,
        severity: 'warning',
        message: `${subject} matched no NetworkPolicy`,
        itemIndex: FUNCTION_CONFIG_INDEX,
        path: ['spec', 'egress', 'grants', index],
      },
    ];
  return targets.flatMap((item) => mergeEgressRule(item, rule, options));
}

function targeted(item: Item, target: MergeTarget): boolean {
  if (target.name !== undefined && item.ref.name !== target.name) return false;
  if (target.namespace !== undefined && (item.ref.namespace ?? '') !== target.namespace) return false;
  if (target.policySelector === undefined) return true;
  const selector = readLabelSelector(target.policySelector);
  const labels = field(field(current(item), 'metadata'), 'labels');
  const strings: Record<string, string> = Object.create(null);
  if (isMapping(labels)) for (const [key, value] of Object.entries(labels)) if (typeof value === 'string') strings[key] = value;
  return selector !== undefined && selectorMatches(selector, strings);
}
