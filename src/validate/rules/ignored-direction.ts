import { viewOf } from '../context';
import type { Rule, RuleFinding } from '../types';

/** Rules for a direction that `policyTypes` leaves out: Kubernetes ignores them silently. */
export const ignoredDirection: Rule = {
  id: 'netpol/ignored-direction',
  defaultSeverity: 'warning',
  summary:
    'The policy has ingress (or egress) rules but `policyTypes` does not list Ingress (or Egress), so the API server keeps them and every network plugin ignores them.',
  example: {
    valid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress, Egress]
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]
  egress: [{to: [{podSelector: {matchLabels: {app: db}}}]}]
`,
    invalid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api}
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress]
  ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]
  egress: [{to: [{podSelector: {matchLabels: {app: db}}}]}]
`,
  },
  check(context) {
    const findings: RuleFinding[] = [];
    for (const { item, model } of viewOf(context).policies) {
      for (const [direction, type] of [['ingress', 'Ingress'], ['egress', 'Egress']] as const) {
        if (model[direction].length === 0 || model.isolates[direction]) continue;
        findings.push({
          itemIndex: item.index,
          path: ['spec', direction],
          message: `${model[direction].length} ${direction} rule(s) but policyTypes does not list ${type}: network plugins ignore them; add ${type} to policyTypes or remove them`,
        });
      }
    }
    return findings;
  },
};
