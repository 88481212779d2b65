import { SECTION_SCHEMAS } from './sections';

/** The functionConfig group/version and kind. */
export const CONFIG_API_VERSION = 'netpol-guard.dev/v1alpha1';
export const CONFIG_KIND = 'NetpolGuard';

/** JSON Schema of the typed functionConfig, assembled from the section schemas. */
export const NETPOL_GUARD_SCHEMA = {
  $id: 'https://netpol-guard.dev/schemas/v1alpha1/NetpolGuard.json',
  title: 'NetpolGuard',
  description: 'functionConfig of the netpol-guard KRM function.',
  type: 'object',
  required: ['apiVersion', 'kind'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: CONFIG_API_VERSION },
    kind: { const: CONFIG_KIND },
    metadata: { type: 'object' },
    spec: {
      type: 'object',
      additionalProperties: false,
      properties: SECTION_SCHEMAS,
    },
  },
} as const;
