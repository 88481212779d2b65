import { viewOf } from '../context';
import type { Rule } from '../types';
import { verdictOf } from '../verdicts';

/** The warnings the API server returns with an accepted policy (ipBlock CIDR forms, 1.33+). */
export const apiWarning: Rule = {
  id: 'netpol/api-warning',
  defaultSeverity: 'warning',
  summary:
    'The API server accepts the policy but warns about an ipBlock CIDR: host bits set (ambiguous), leading zeros or an IPv4-mapped address (invalid from 1.36), or IPv6 not in RFC 5952 form.',
  example: {
    valid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: backup}
spec:
  podSelector: {matchLabels: {app: db}}
  egress:
    - to: [{ipBlock: {cidr: "2001:db8::/64"}}]
`,
    invalid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: backup}
spec:
  podSelector: {matchLabels: {app: db}}
  egress:
    - to: [{ipBlock: {cidr: "2001:DB8::/64"}}]
`,
  },
  check(context) {
    return viewOf(context).policyItems.flatMap((item) =>
      verdictOf(context, item).warnings.map((warning) => ({ itemIndex: item.index, path: warning.path, message: warning.message })),
    );
  },
};
