/**
 * Every JSON Schema the function validates with, by the name of its validator. The build
 * compiles each once into a standalone ajv validator of its own,
 * `src/generated/<name>.js` (exporting `validate`), so nothing compiles a schema at
 * start-up, and a run loads only the validators it uses.
 */
import { NETPOL_GUARD_SCHEMA } from '../src/config/schema';
import { networkPolicyV1Schema } from '../src/validate/schema/network-policy-v1';

export const SCHEMAS: Readonly<Record<string, object>> = {
  'netpol-guard-config': NETPOL_GUARD_SCHEMA,
  'network-policy-v1': networkPolicyV1Schema(),
};

/** Schemas also published as files (functions.yaml and users refer to them). */
export const PUBLISHED: Readonly<Record<string, object>> = {
  'schemas/NetpolGuard.v1alpha1.json': NETPOL_GUARD_SCHEMA,
};
