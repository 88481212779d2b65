import type { GoCidr } from '../api/cidr';
import { goContains, parseCidrSloppy } from '../api/cidr';
import { viewOf } from '../context';
import { peersOf } from '../lint';
import type { Rule, RuleFinding } from '../types';

function overlaps(a: GoCidr, b: GoCidr): boolean {
  return goContains(a, b.network) || goContains(b, a.network);
}

/** Whether `outer` contains all of `inner`. */
function covers(outer: GoCidr, inner: GoCidr): boolean {
  return goContains(outer, inner.network) && outer.prefixLength <= inner.prefixLength;
}

/** An ipBlock that reaches into the cluster's own pod or service ranges. */
export const ipBlockCoversCluster: Rule = {
  id: 'netpol/ipblock-covers-cluster',
  defaultSeverity: 'warning',
  summary:
    'An ipBlock overlaps a range in `validation.clusterCIDRs` (pod or service CIDRs) without excepting it: pod IPs change on every restart and plugins differ on whether pod traffic matches ipBlocks, so select pods with selectors and add the cluster ranges to `except`.',
  example: {
    valid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: internet, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}}]}]
`,
    invalid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: internet, namespace: shop}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress: [{to: [{ipBlock: {cidr: 0.0.0.0/0}}]}]
`,
    settings: { clusterCIDRs: ['10.0.0.0/8'] },
  },
  check(context) {
    const clusterRanges = context.config.validation.clusterCIDRs.flatMap((text) => {
      const cidr = parseCidrSloppy(text);
      return cidr === undefined ? [] : [{ text, cidr }];
    });
    if (clusterRanges.length === 0) return [];
    const findings: RuleFinding[] = [];
    for (const { item, model } of viewOf(context).policies) {
      for (const { peer, path } of peersOf(model)) {
        if (peer.kind !== 'ipBlock') continue;
        const block = parseCidrSloppy(peer.cidr);
        if (block === undefined) continue;
        const excepts = peer.except.flatMap((text) => parseCidrSloppy(text) ?? []);
        for (const range of clusterRanges) {
          if (!overlaps(block, range.cidr) || excepts.some((except) => covers(except, range.cidr))) continue;
          findings.push({
            itemIndex: item.index,
            path: [...path, 'ipBlock', 'cidr'],
            message: `ipBlock ${peer.cidr} overlaps the cluster range ${range.text}: pod IPs are not stable and network plugins differ on matching pod traffic by ipBlock; select pods with podSelector/namespaceSelector${covers(block, range.cidr) ? ` and add ${range.text} to except` : ''}`,
          });
        }
      }
    }
    return findings;
  },
};
