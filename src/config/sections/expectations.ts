/** `spec.expectations`: connectivity the user declares (checked by the analysis). */
export type ExpectationsConfig = readonly unknown[];

export const EXPECTATIONS_DEFAULTS: ExpectationsConfig = [];

export const EXPECTATIONS_SCHEMA = {
  type: 'array',
  description: 'Declared connectivity: from, to, port, protocol, allowed.',
  items: { type: 'object' },
} as const;
