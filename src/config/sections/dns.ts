/** `spec.dns`: make sure egress-isolated pods can still resolve names. */
export interface DnsConfig {
  /** Add UDP and TCP 53 to the cluster DNS where an egress-isolating policy lacks it. */
  readonly ensure: boolean;
  /** Namespace of the cluster DNS pods. */
  readonly namespace: string;
  /** Labels of the cluster DNS pods. */
  readonly podLabels: Readonly<Record<string, string>>;
}

/** Defaults of `spec.dns`. */
export const DNS_DEFAULTS: DnsConfig = { ensure: false, namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } };

/** JSON Schema of `spec.dns` (strict: unknown fields are errors). */
export const DNS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Adds UDP and TCP 53 to the cluster DNS to every egress-isolating policy that lets no DNS out.',
  properties: {
    ensure: { type: 'boolean', description: 'Default false.' },
    namespace: { type: 'string', minLength: 1, description: 'Namespace of the cluster DNS (default kube-system).' },
    podLabels: { type: 'object', additionalProperties: { type: 'string' }, description: 'Labels of the DNS pods (default k8s-app: kube-dns).' },
  },
} as const;
