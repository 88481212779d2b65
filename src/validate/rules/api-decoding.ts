import { renderApiError } from '../api/field-error';
import { viewOf } from '../context';
import type { Rule } from '../types';
import { verdictOf } from '../verdicts';

/** Strict request decoding: unknown fields, wrong JSON types, numbers outside int32. */
export const apiDecoding: Rule = {
  id: 'netpol/api-decoding',
  defaultSeverity: 'error',
  summary:
    'The API server rejects the request before validating it: an unknown or misspelt field (kubectl validates strictly by default), or a value of the wrong type such as `endPort: "80"` or a label value that is not a string.',
  example: {
    valid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
    - from: [{podSelector: {matchLabels: {app: api}}}]
      ports: [{port: 8000, endPort: 8080}]
`,
    invalid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web}
spec:
  podSelector: {matchLabels: {app: web}}
  ingress:
    - form: [{podSelector: {matchLabels: {app: api}}}]
      ports: [{port: 8000, endPort: "8080"}]
`,
  },
  check(context) {
    const { version, policyItems } = viewOf(context);
    return policyItems.flatMap((item) =>
      verdictOf(context, item)
        .errors.filter((error) => error.type === 'Decode' || error.type === 'StrictDecoding')
        .map((error) => ({ itemIndex: item.index, path: error.path, message: renderApiError(error, version) })),
    );
  },
};
