import type { Rule } from '../types';
import { NETWORK_POLICY_API_VERSION } from '../context';

/** Kubernetes groups that once served NetworkPolicy and no longer do (removed in 1.16). */
const REMOVED = ['extensions/', 'networking.k8s.io/'];

/** A NetworkPolicy that is not `networking.k8s.io/v1`. */
export const apiVersion: Rule = {
  id: 'netpol/api-version',
  defaultSeverity: 'error',
  summary:
    'A NetworkPolicy of another apiVersion: `extensions/v1beta1` and `networking.k8s.io/v1beta1` are no longer served (since 1.16), and another group\'s NetworkPolicy (Calico, Cilium) is not checked.',
  example: {
    valid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-all}
spec: {podSelector: {}}
`,
    invalid: `apiVersion: extensions/v1beta1
kind: NetworkPolicy
metadata: {name: deny-all}
spec: {podSelector: {}}
`,
  },
  check(context) {
    return context.items.flatMap((item) => {
      const { kind, apiVersion: written } = item.ref;
      if (kind !== 'NetworkPolicy' || written === NETWORK_POLICY_API_VERSION) return [];
      if (REMOVED.some((group) => written.startsWith(group))) {
        return [
          {
            itemIndex: item.index,
            path: ['apiVersion'],
            message: `no matches for kind "NetworkPolicy" in version "${written}": NetworkPolicy is served as ${NETWORK_POLICY_API_VERSION} only (the beta versions were removed in Kubernetes 1.16)`,
          },
        ];
      }
      return [
        {
          itemIndex: item.index,
          path: ['apiVersion'],
          severity: 'info' as const,
          message: `NetworkPolicy of ${JSON.stringify(written)} is not a Kubernetes ${NETWORK_POLICY_API_VERSION} NetworkPolicy: not validated`,
        },
      ];
    });
  },
};
