import type { LabelSelector } from '../../netpol/model';
import { isEverything, selectorMatches } from '../../netpol/selector';
import { viewOf } from '../context';
import { peersOf, selectorString } from '../lint';
import type { Rule, RuleFinding } from '../types';

const NAME_LABEL = 'kubernetes.io/metadata.name';

/** A selector that only names namespaces may name ones outside the list; nothing to say then. */
function onlyByName(selector: LabelSelector): boolean {
  return (
    Object.keys(selector.matchLabels).every((key) => key === NAME_LABEL) &&
    selector.matchExpressions.every((requirement) => requirement.key === NAME_LABEL)
  );
}

/** A namespaceSelector whose labels no Namespace in the list carries. */
export const namespaceSelectorUnmatched: Rule = {
  id: 'netpol/namespace-selector-unmatched',
  defaultSeverity: 'warning',
  summary:
    'A namespaceSelector selects no Namespace in the list (a label contract broken, as with a label the Namespace never got); select namespaces by `kubernetes.io/metadata.name`, which the API server sets on every Namespace.',
  example: {
    valid: `apiVersion: v1
kind: Namespace
metadata: {name: source-namespace, labels: {team: source}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-source, namespace: target-namespace}
spec:
  podSelector: {}
  ingress:
    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: source-namespace}}}]
`,
    invalid: `apiVersion: v1
kind: Namespace
metadata: {name: source-namespace, labels: {team: source}}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-source, namespace: target-namespace}
spec:
  podSelector: {}
  ingress:
    - from: [{namespaceSelector: {matchLabels: {cloud-platform.justice.gov.uk/namespace: source-namespace}}}]
`,
  },
  check(context) {
    const view = viewOf(context);
    // Without any Namespace in the list there is no label contract to check against.
    if (view.namespaceItems.length === 0) return [];
    const findings: RuleFinding[] = [];
    for (const { item, model } of view.policies) {
      for (const { peer, path } of peersOf(model)) {
        if (peer.kind !== 'pods' || peer.namespaces.kind !== 'selector') continue;
        const selector = peer.namespaces.selector;
        if (isEverything(selector) || onlyByName(selector)) continue;
        if (view.namespaces.some((namespace) => selectorMatches(selector, namespace.labels))) continue;
        const byName = view.namespaceItems.find((namespace) => Object.values(selector.matchLabels).includes(namespace.name));
        const suggestion = byName === undefined ? '<namespace>' : byName.name;
        findings.push({
          itemIndex: item.index,
          path: [...path, 'namespaceSelector'],
          message: `namespaceSelector selects no Namespace in the list: no Namespace matches ${selectorString(selector)}; select it by name with matchLabels {${NAME_LABEL}: ${suggestion}}, or add the label to the Namespace`,
        });
      }
    }
    return findings;
  },
};
