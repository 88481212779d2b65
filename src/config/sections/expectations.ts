import type { Protocol } from '../../netpol/model';

/** One declared connection: the analysis checks it and reports an error when it breaks. */
export interface Expectation {
  /** `namespace/name`, `Kind:namespace/name`, an IP or a CIDR. */
  readonly from: string;
  /** Same forms as `from`. */
  readonly to: string;
  /** Destination port; absent = any port of the protocol. */
  readonly port?: number;
  /** Defaults to TCP. */
  readonly protocol?: Protocol;
  readonly allowed: boolean;
  /** Free text repeated in the result, e.g. the curl check it replaces. */
  readonly description?: string;
}

/** `spec.expectations`: connectivity the user declares (checked by the analysis). */
export type ExpectationsConfig = readonly Expectation[];

/** No expectations unless declared. */
export const EXPECTATIONS_DEFAULTS: ExpectationsConfig = [];

const PEER = {
  type: 'string',
  minLength: 1,
  description: 'A workload as namespace/name or Kind:namespace/name (e.g. Deployment:ui/ui), or an IP or CIDR.',
} as const;

/** JSON Schema of `spec.expectations`. */
export const EXPECTATIONS_SCHEMA = {
  type: 'array',
  description: 'Declared connectivity, checked offline: from, to, port, protocol (default TCP), allowed.',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['from', 'to', 'allowed'],
    properties: {
      from: PEER,
      to: PEER,
      port: { type: 'integer', minimum: 1, maximum: 65535, description: 'Destination port; absent means any port.' },
      protocol: { enum: ['TCP', 'UDP', 'SCTP'], description: 'Defaults to TCP.' },
      allowed: { type: 'boolean', description: 'true: the connection must be allowed; false: it must be denied.' },
      description: { type: 'string' },
    },
  },
} as const;
