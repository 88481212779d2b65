import { viewOf, type PolicyItem } from '../context';
import { coversPods, ruleOpensDns } from '../lint';
import type { Rule, RuleFinding } from '../types';

/** An egress-isolating policy under which the selected pods cannot resolve names. */
export const egressWithoutDns: Rule = {
  id: 'netpol/egress-without-dns',
  defaultSeverity: 'warning',
  summary:
    'A policy isolates egress but neither it nor another egress policy covering the same pods lets DNS (port 53) out, so every lookup fails with "Resolving timed out"; allow UDP and TCP 53 to kube-dns, or set `spec.dns.ensure`.',
  example: {
    valid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: ui}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}]
      ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
`,
    invalid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: ui}
spec:
  podSelector: {matchLabels: {}}
  policyTypes: [Egress]
`,
  },
  check(context) {
    const view = viewOf(context);
    const findings: RuleFinding[] = [];
    // Only policies of the same namespace that let DNS out can help.
    const dnsPolicies = new Map<string, PolicyItem[]>();
    for (const policy of view.policies) {
      const { model } = policy;
      if (!model.isolates.egress || !model.egress.some((rule) => ruleOpensDns(rule, 'UDP') || ruleOpensDns(rule, 'TCP'))) continue;
      const group = dnsPolicies.get(model.namespace);
      if (group === undefined) dnsPolicies.set(model.namespace, [policy]);
      else group.push(policy);
    }
    for (const policy of view.policies) {
      if (!policy.model.isolates.egress) continue;
      const candidates = dnsPolicies.get(policy.model.namespace) ?? [];
      // a policy that lets DNS out covers its own pods
      if (candidates.includes(policy) || candidates.some((other) => coversPods(view, policy, other))) continue;
      findings.push({
        itemIndex: policy.item.index,
        path: policy.model.policyTypesWritten ? ['spec', 'policyTypes'] : ['spec', 'egress'],
        message: `NetworkPolicy ${policy.model.namespace}/${policy.model.name} isolates egress but no egress policy for its pods allows DNS (UDP/TCP 53): name lookups will time out; allow egress to kube-dns on UDP and TCP 53 or set spec.dns.ensure`,
      });
    }
    return findings;
  },
};
