import type { Workload } from '../../netpol/workload';
import { viewOf } from '../context';
import { peerWorkloads, portsOf, rulesOf, selectedWorkloads } from '../lint';
import type { Rule, RuleFinding } from '../types';

/** A named port that none of the pods it can refer to declares. */
export const namedPortUndeclared: Rule = {
  id: 'netpol/named-port-undeclared',
  defaultSeverity: 'warning',
  summary:
    'A named port (`port: http`) that no container declares with that protocol — for ingress among the pods the policy selects, for egress among the destination pods in the list — so it opens nothing; checked only when those pods are in the list.',
  example: {
    valid: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{ports: [{port: http}]}]
`,
    invalid: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx, ports: [{name: http, containerPort: 8080}]}]}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web, namespace: shop}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress: [{ports: [{port: https}]}]
`,
  },
  check(context) {
    const view = viewOf(context);
    const findings: RuleFinding[] = [];
    for (const { item, model } of view.policies) {
      const selected = selectedWorkloads(view, model);
      for (const at of rulesOf(model)) {
        // Ingress ports are the selected pods' ports; egress ports are the destinations'.
        const candidates: readonly Workload[] =
          at.direction === 'ingress'
            ? selected
            : at.rule.peers.kind === 'any'
              ? view.workloads
              : at.rule.peers.peers.flatMap((peer) => peerWorkloads(view, model, peer));
        if (candidates.length === 0) continue;
        for (const { port, path } of portsOf(at)) {
          if (port.port.kind !== 'named') continue;
          const name = port.port.name;
          const declared = candidates.some((workload) =>
            workload.ports.some((declaredPort) => declaredPort.name === name && declaredPort.protocol === port.protocol),
          );
          if (declared) continue;
          findings.push({
            itemIndex: item.index,
            path: [...path, 'port'],
            message: `no ${at.direction === 'ingress' ? 'selected pod' : 'destination pod in the list'} declares a ${port.protocol} container port named ${JSON.stringify(name)}, so this entry opens nothing`,
          });
        }
      }
    }
    return findings;
  },
};
