import { decodingErrors } from './decode';
import { applyDefaults } from './defaults';
import type { ApiError } from './field-error';
import { validateDefaultedPolicy } from './policy';
import type { ApiWarning } from './warnings';
import { policyWarnings } from './warnings';
import type { KubeVersion } from './version';

/** The API server's verdict on creating one NetworkPolicy. */
export interface ApiVerdict {
  /** Decoding errors first (a 400), then validation errors (a 422), each in the server's order. */
  readonly errors: readonly ApiError[];
  /** Warnings the server would return with a successful create. */
  readonly warnings: readonly ApiWarning[];
}

/**
 * What `kubectl apply --dry-run=server` would say about a NetworkPolicy value, as a pure
 * function of the value and the Kubernetes version: strict decoding, defaulting, then
 * `ValidateNetworkPolicy`. A type error stops there, as it stops the server; unknown
 * fields alone do not, so their neighbours' problems show in the same run.
 */
export function checkNetworkPolicy(value: unknown, version: KubeVersion): ApiVerdict {
  const decoding = decodingErrors(value, version);
  if (decoding.some((error) => error.type === 'Decode')) return { errors: decoding, warnings: [] };
  const defaulted = applyDefaults(value);
  const validation = validateDefaultedPolicy(defaulted, version);
  return { errors: [...decoding, ...validation], warnings: validation.length === 0 && decoding.length === 0 ? policyWarnings(defaulted, version) : [] };
}
