import { viewOf } from '../context';
import { selectedWorkloads, workloadsIn } from '../lint';
import type { Rule, RuleFinding } from '../types';

/** A podSelector that matches none of the workloads its namespace has in the list. */
export const selectsNoWorkload: Rule = {
  id: 'netpol/selects-no-workload',
  defaultSeverity: 'warning',
  summary:
    'The policy\'s podSelector matches no workload of its namespace in the list (a typo in a label, or labels an overlay changed), so the policy protects nothing; checked only when the list has workloads in that namespace.',
  example: {
    valid: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
`,
    invalid: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: wbe}}
`,
  },
  check(context) {
    const view = viewOf(context);
    const findings: RuleFinding[] = [];
    for (const { item, model } of view.policies) {
      const candidates = workloadsIn(view, model.namespace);
      if (candidates.length === 0 || selectedWorkloads(view, model).length > 0) continue;
      findings.push({
        itemIndex: item.index,
        path: ['spec', 'podSelector'],
        message: `podSelector selects none of the ${candidates.length} workload(s) in namespace ${model.namespace} (${candidates.map((w) => `${w.kind}/${w.name}`).join(', ')})`,
      });
    }
    return findings;
  },
};
