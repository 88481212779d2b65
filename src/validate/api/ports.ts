import type { FieldPath } from '../../krm/path';
import type { ApiError } from './field-error';
import { invalidInt, invalidString, notSupported } from './field-error';
import { portNameErrors, portNumberErrors } from './syntax';
import { member } from './value';
import type { KubeVersion } from './version';

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'] as const;

/**
 * `ValidateNetworkPolicyPort` (P1–P7) on a defaulted port: `protocol` was set to TCP when
 * absent, so only an explicitly written value reaches the protocol check.
 */
export function validatePort(port: unknown, path: FieldPath, version: KubeVersion): ApiError[] {
  const errors: ApiError[] = [];
  const protocol = member(port, 'protocol');
  if (typeof protocol === 'string' && !(PROTOCOLS as readonly string[]).includes(protocol)) {
    errors.push(notSupported([...path, 'protocol'], protocol, PROTOCOLS));
  }
  const value = member(port, 'port');
  const endPort = member(port, 'endPort');
  const end = typeof endPort === 'number' ? endPort : undefined;
  const endPath = [...path, 'endPort'];
  if (typeof value === 'number') {
    for (const detail of portNumberErrors(value)) errors.push(invalidInt([...path, 'port'], value, detail));
    if (end !== undefined) {
      // The 1.36-era source reports endPort as the bad value; earlier releases reported port.
      if (end < value) errors.push(invalidInt(endPath, version.minor >= 36 ? end : value, 'must be greater than or equal to `port`'));
      for (const detail of portNumberErrors(end)) errors.push(invalidInt(endPath, end, detail));
    }
  } else if (typeof value === 'string') {
    if (end !== undefined) errors.push(invalidInt(endPath, end, 'may not be specified when `port` is non-numeric'));
    for (const detail of portNameErrors(value)) errors.push(invalidString([...path, 'port'], value, detail));
  } else if (end !== undefined) {
    errors.push(invalidInt(endPath, end, 'may not be specified when `port` is not specified'));
  }
  return errors;
}
