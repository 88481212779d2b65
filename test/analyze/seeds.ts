/** Test helper: seed scenarios as plain objects. */
import { deployment, namespace, policy } from './fixtures';

/** Seed 003: ui is egress-isolated, then allowed to service components anywhere and kube-system. */
export const SEED_003 = [
  namespace('ui'),
  namespace('catalog'),
  deployment('ui', 'ui', { 'app.kubernetes.io/name': 'ui', 'app.kubernetes.io/component': 'service' }, [8080]),
  deployment('catalog', 'catalog', { 'app.kubernetes.io/name': 'catalog', 'app.kubernetes.io/component': 'service' }, [8080]),
  deployment('catalog', 'catalog-mysql', { 'app.kubernetes.io/name': 'catalog', 'app.kubernetes.io/component': 'mysql' }, [3306]),
  deployment('kube-system', 'coredns', { 'k8s-app': 'kube-dns' }, [[53, 'dns', 'UDP']]),
  policy('ui', 'default-deny', { podSelector: { matchLabels: {} }, policyTypes: ['Egress'] }),
  policy('ui', 'allow-ui-egress', {
    podSelector: { matchLabels: { 'app.kubernetes.io/name': 'ui' } },
    policyTypes: ['Egress'],
    egress: [
      {
        to: [
          { namespaceSelector: { matchLabels: null }, podSelector: { matchLabels: { 'app.kubernetes.io/component': 'service' } } },
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } },
        ],
      },
    ],
  }),
];

