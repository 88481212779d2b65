/** `spec.egress`: extra egress an overlay grants (filled by the egress feature). */
export interface EgressConfig {
  readonly grants: readonly unknown[];
}

export const EGRESS_DEFAULTS: EgressConfig = { grants: [] };

export const EGRESS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Egress ports an overlay adds, merged into policies or generated as a separate policy.',
  properties: {
    grants: { type: 'array', items: { type: 'object' } },
  },
} as const;
