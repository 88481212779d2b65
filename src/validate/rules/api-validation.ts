import { renderApiError } from '../api/field-error';
import { viewOf } from '../context';
import type { Rule } from '../types';
import { verdictOf } from '../verdicts';

/** `ValidateNetworkPolicy`: the 422 Invalid the API server would answer, field by field. */
export const apiValidation: Rule = {
  id: 'netpol/api-validation',
  defaultSeverity: 'error',
  summary:
    'The API server would reject the policy with 422 Invalid: name, label syntax, selector operators, ports and named ports, endPort, protocol, peers, ipBlock CIDRs and `except`, policyTypes — reported with the server\'s field path, error type and message for `validation.kubernetesVersion`.',
  example: {
    valid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
    - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}]
      ports: [{protocol: TCP, port: 5432}]
`,
    invalid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: db}
spec:
  podSelector: {matchLabels: {app: db}}
  ingress:
    - from: [{ipBlock: {cidr: 10.0.0.0/8, except: [192.168.0.0/16]}}]
      ports: [{protocol: tcp, port: 5432, endPort: 5000}]
`,
  },
  check(context) {
    const { version, policyItems } = viewOf(context);
    return policyItems.flatMap((item) =>
      verdictOf(context, item)
        .errors.filter((error) => error.type !== 'Decode' && error.type !== 'StrictDecoding')
        .map((error) => ({ itemIndex: item.index, path: error.path, message: renderApiError(error, version) })),
    );
  },
};
