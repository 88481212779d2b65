import type { PolicyItem } from '../context';
import { viewOf } from '../context';
import { canonicalJson, selectorString } from '../lint';
import type { Rule, RuleFinding } from '../types';

function label(policy: PolicyItem): string {
  return `${policy.model.namespace}/${policy.model.name}`;
}

/**
 * A cheap first cut of the effect: policies that differ here cannot have the same effect,
 * so the full canonical key is only computed for the few that share one.
 */
function roughKey({ model }: PolicyItem): string {
  return `${model.namespace}|${model.isolates.ingress}|${model.isolates.egress}|${model.ingress.length}|${model.egress.length}|${selectorString(model.podSelector)}`;
}

/** What a policy does, without how it was written (defaulted policyTypes, `[]` vs absent). */
function effectKey({ model }: PolicyItem): string {
  const { namespace, podSelector, isolates, ingress, egress } = model;
  return canonicalJson({ namespace, podSelector, isolates, ingress, egress }, ['written']);
}

/** Two policies with one name (the later replaces the earlier) or with one effect. */
export const duplicatePolicy: Rule = {
  id: 'netpol/duplicate-policy',
  defaultSeverity: 'warning',
  summary:
    'Two NetworkPolicies share a namespace and name (an error: the later one silently replaces the earlier at apply), or two differently named ones have the same effective spec (a warning: one is redundant).',
  example: {
    valid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-ingress, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-egress, namespace: shop}
spec: {podSelector: {}, policyTypes: [Egress]}
`,
    invalid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: shop}
spec: {podSelector: {}, policyTypes: [Ingress]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all, namespace: shop}
spec: {podSelector: {}, policyTypes: [Egress]}
`,
  },
  check(context) {
    const findings: RuleFinding[] = [];
    const byName = new Map<string, PolicyItem>();
    const bySpec = new Map<string, PolicyItem>();
    const byRough = new Map<string, PolicyItem[]>();
    for (const policy of viewOf(context).policies) {
      const earlier = byName.get(label(policy));
      if (earlier !== undefined) {
        findings.push({
          itemIndex: policy.item.index,
          path: ['metadata', 'name'],
          severity: 'error',
          message: `NetworkPolicy ${label(policy)} is defined twice (also item ${earlier.item.index}); the later one replaces the earlier when applied`,
        });
        continue;
      }
      byName.set(label(policy), policy);
      const rough = roughKey(policy);
      const bucket = byRough.get(rough);
      if (bucket === undefined) {
        byRough.set(rough, [policy]);
        continue;
      }
      // the first policy of a bucket gets its full key only once it has company
      if (bucket.length === 1) bySpec.set(effectKey(bucket[0]!), bucket[0]!);
      bucket.push(policy);
      const key = effectKey(policy);
      const same = bySpec.get(key);
      if (same !== undefined) {
        findings.push({
          itemIndex: policy.item.index,
          path: ['spec'],
          message: `NetworkPolicy ${label(policy)} has the same effect as ${label(same)} (item ${same.item.index}); one of them is redundant`,
        });
      } else bySpec.set(key, policy);
    }
    return findings;
  },
};
