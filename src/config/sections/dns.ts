/** `spec.dns`: make sure egress-isolated pods can still resolve names. */
export interface DnsConfig {
  readonly ensure: boolean;
  readonly namespace: string;
  readonly podLabels: Readonly<Record<string, string>>;
}

export const DNS_DEFAULTS: DnsConfig = { ensure: false, namespace: 'kube-system', podLabels: { 'k8s-app': 'kube-dns' } };

export const DNS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Adds UDP and TCP 53 to the cluster DNS to every egress-isolating policy that lets no DNS out.',
  properties: {
    ensure: { type: 'boolean' },
    namespace: { type: 'string', minLength: 1 },
    podLabels: { type: 'object', additionalProperties: { type: 'string' } },
  },
} as const;
