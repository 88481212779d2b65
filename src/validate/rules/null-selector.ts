import type { FieldPath } from '../../krm/path';
import { isObject, listMember, member } from '../api/value';
import { viewOf } from '../context';
import { PEER_KEY } from '../lint';
import type { Rule, RuleFinding } from '../types';

/** Whether the key is written with no value (`matchLabels:` alone parses as null). */
function writtenNull(object: unknown, key: string): boolean {
  return isObject(object) && Object.prototype.hasOwnProperty.call(object, key) && object[key] === null;
}

/** Null parts of a selector that, with no other term, leave it selecting everything. */
function nullParts(selector: unknown, path: FieldPath): FieldPath[] {
  const labels = member(selector, 'matchLabels');
  const hasTerms = (isObject(labels) && Object.keys(labels).length > 0) || listMember(selector, 'matchExpressions').length > 0;
  if (hasTerms) return [];
  return (['matchLabels', 'matchExpressions'] as const).filter((key) => writtenNull(selector, key)).map((key) => [...path, key]);
}

/** A selector written empty by accident (a key with no value), which selects everything. */
export const nullSelector: Rule = {
  id: 'netpol/null-selector',
  defaultSeverity: 'warning',
  summary:
    'A selector written with no value (`podSelector:` or `matchLabels:` followed by nothing, often a lost indentation) selects every pod or every namespace, and a peer\'s `namespaceSelector:` with no value counts as absent (the policy\'s namespace only); write `{}` when "all" is meant.',
  example: {
    valid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-ui-egress, namespace: ui}
spec:
  podSelector: {matchLabels: {app.kubernetes.io/name: ui}}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector: {}
          podSelector:
            matchLabels: {app.kubernetes.io/component: service}
`,
    invalid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-ui-egress, namespace: ui}
spec:
  podSelector: {matchLabels: {app.kubernetes.io/name: ui}}
  policyTypes: [Egress]
  egress:
    - to:
        - namespaceSelector:
            matchLabels:
          podSelector:
            matchLabels: {app.kubernetes.io/component: service}
`,
  },
  check(context) {
    const findings: RuleFinding[] = [];
    for (const { item } of viewOf(context).policies) {
      const spec = member(item.value, 'spec');
      const paths: FieldPath[] = [];
      if (writtenNull(spec, 'podSelector')) paths.push(['spec', 'podSelector']);
      else paths.push(...nullParts(member(spec, 'podSelector'), ['spec', 'podSelector']));
      for (const direction of ['ingress', 'egress'] as const) {
        listMember(spec, direction).forEach((rule, index) => {
          const peerKey = PEER_KEY[direction];
          listMember(rule, peerKey).forEach((peer, peerIndex) => {
            const peerPath = ['spec', direction, index, peerKey, peerIndex];
            for (const key of ['podSelector', 'namespaceSelector'] as const) {
              paths.push(...nullParts(member(peer, key), [...peerPath, key]));
            }
            // A null namespaceSelector is no selector: the peer stays in the policy's namespace.
            if (writtenNull(peer, 'namespaceSelector') && member(peer, 'podSelector') !== undefined) {
              findings.push({
                itemIndex: item.index,
                path: [...peerPath, 'namespaceSelector'],
                message: `namespaceSelector is written with no value, so it counts as absent and the peer only matches pods in the policy's own namespace; write {} for every namespace, or give it labels`,
              });
            }
          });
        });
      }
      for (const path of paths) {
        const what = path.includes('namespaceSelector') ? 'every namespace' : 'every pod';
        findings.push({
          itemIndex: item.index,
          path,
          message: `${String(path[path.length - 1])} is written with no value, so the selector selects ${what}; write {} if that is meant, or indent the labels under it`,
        });
      }
    }
    return findings;
  },
};
