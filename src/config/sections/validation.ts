import type { Severity } from '../../krm/finding';

/** `spec.validation`: API-server parity and lint rules. */
export interface ValidationConfig {
  readonly enabled: boolean;
  /** Kubernetes minor version whose API server behaviour to reproduce, e.g. `1.36`. */
  readonly kubernetesVersion: string;
  /** Per-rule severity override, or `off`. */
  readonly rules: Readonly<Record<string, Severity | 'off'>>;
  /** Pod and service ranges of the cluster, for the ipBlock lint. */
  readonly clusterCIDRs: readonly string[];
}

export const VALIDATION_DEFAULTS: ValidationConfig = { enabled: true, kubernetesVersion: '1.36', rules: {}, clusterCIDRs: [] };

export const VALIDATION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Validation the way the API server does it, plus lint rules.',
  properties: {
    enabled: { type: 'boolean' },
    kubernetesVersion: { type: 'string', pattern: '^1\\.[0-9]{1,2}$', description: 'Kubernetes minor version, e.g. "1.36".' },
    rules: { type: 'object', additionalProperties: { enum: ['error', 'warning', 'info', 'off'] } },
    clusterCIDRs: { type: 'array', items: { type: 'string' } },
  },
} as const;
