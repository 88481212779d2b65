/** Test helper (not a test): fast-check generators for selectors, labels and policies. */
import fc from 'fast-check';

/** Label keys, including the prefixed and dotted forms kustomize users write. */
export const labelKey = fc.constantFrom('app', 'team', 'app.kubernetes.io/name', 'example.com/tier', 'k8s-app');
export const labelValue = fc.constantFrom('a', 'b', 'kube-dns', 'y', '1');

/** A set of labels on a pod. */
export const labels = fc.dictionary(labelKey, labelValue, { maxKeys: 5 });

const requirement = fc.oneof(
  fc.record({ key: labelKey, operator: fc.constantFrom('In', 'NotIn'), values: fc.array(labelValue, { minLength: 1, maxLength: 3 }) }),
  fc.record({ key: labelKey, operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);

/** A well-formed label selector, with or without either part (and `matchLabels: {}`). */
export const selector = fc.record(
  {
    matchLabels: fc.dictionary(labelKey, labelValue, { maxKeys: 4 }),
    matchExpressions: fc.array(requirement, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

const peer = fc.oneof(
  fc.record({ podSelector: selector }),
  fc.record({ namespaceSelector: selector, podSelector: selector }, { requiredKeys: ['namespaceSelector'] }),
  fc.record({ ipBlock: fc.constant({ cidr: '10.0.0.0/8' }) }),
);

/** A NetworkPolicy with selectors in every place kustomize fills. */
export const policy = fc.record({
  apiVersion: fc.constant('networking.k8s.io/v1'),
  kind: fc.constant('NetworkPolicy'),
  metadata: fc.constant({ name: 'p', namespace: 'n' }),
  spec: fc.record(
    {
      podSelector: selector,
      ingress: fc.array(fc.record({ from: fc.array(peer, { maxLength: 3 }) }), { maxLength: 2 }),
      egress: fc.array(fc.record({ to: fc.array(peer, { maxLength: 3 }) }), { maxLength: 2 }),
    },
    { requiredKeys: ['podSelector'] },
  ),
});
