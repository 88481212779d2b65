/**
 * Every JSON Schema the function validates with, by export name. The build compiles them
 * once into standalone ajv validators, so nothing compiles a schema at start-up.
 */
import { NETPOL_GUARD_SCHEMA } from '../src/config/schema';
import { NETWORK_POLICY_V1_SCHEMA } from '../src/validate/schema/network-policy-v1';

export const SCHEMAS: Readonly<Record<string, object>> = {
  netpolGuardConfig: NETPOL_GUARD_SCHEMA,
  networkPolicyV1: NETWORK_POLICY_V1_SCHEMA,
};

/** Schemas also published as files (functions.yaml and users refer to them). */
export const PUBLISHED: Readonly<Record<string, object>> = {
  'schemas/NetpolGuard.v1alpha1.json': NETPOL_GUARD_SCHEMA,
};
