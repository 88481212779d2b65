/**
 * Every JSON Schema the function validates with, by the name of its validator. The build
 * compiles each once into a standalone ajv validator of its own,
 * `src/generated/<name>.js` (exporting `validate`), so nothing compiles a schema at
 * start-up, and a run loads only the validators it uses.
 */
import { NETPOL_GUARD_SCHEMA } from '../src/config/schema';
import { NETWORK_POLICY_V1_SCHEMA } from '../src/validate/schema/network-policy-v1';

export const SCHEMAS: Readonly<Record<string, object>> = {
  'netpol-guard-config': NETPOL_GUARD_SCHEMA,
  'network-policy-v1': NETWORK_POLICY_V1_SCHEMA,
};

/** Schemas also published as files (functions.yaml and users refer to them). */
export const PUBLISHED: Readonly<Record<string, object>> = {
  'schemas/NetpolGuard.v1alpha1.json': NETPOL_GUARD_SCHEMA,
};
