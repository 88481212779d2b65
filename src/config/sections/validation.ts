import type { Severity } from '../../krm/finding';

/** `spec.validation`: API-server parity and lint rules (see docs/validation.md). */
export interface ValidationConfig {
  readonly enabled: boolean;
  /** Kubernetes minor version whose API server behaviour to reproduce, e.g. `1.36`. */
  readonly kubernetesVersion: string;
  /** Per-rule severity override, or `off`. */
  readonly rules: Readonly<Record<string, Severity | 'off'>>;
  /** Pod and service ranges of the cluster, for the ipBlock lint. */
  readonly clusterCIDRs: readonly string[];
}

/** Validate with every rule at its default severity, as Kubernetes 1.36 would. */
export const VALIDATION_DEFAULTS: ValidationConfig = { enabled: true, kubernetesVersion: '1.36', rules: {}, clusterCIDRs: [] };

/** JSON Schema of `spec.validation`; rule ids and versions are checked by `checkValidationConfig`. */
export const VALIDATION_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Validation the way the API server does it, plus lint rules.',
  properties: {
    enabled: { type: 'boolean', description: 'Run the validate stage (default true).' },
    kubernetesVersion: {
      type: 'string',
      pattern: '^1\\.[0-9]{1,2}$',
      description: 'Kubernetes minor version whose API server to reproduce, "1.22" to "1.37" (default "1.36").',
    },
    rules: {
      type: 'object',
      additionalProperties: { enum: ['error', 'warning', 'info', 'off'] },
      description: 'Severity per rule id (docs/rules.md), or off.',
    },
    clusterCIDRs: { type: 'array', items: { type: 'string' }, description: 'Pod and service CIDRs of the cluster, for netpol/ipblock-covers-cluster.' },
  },
} as const;
