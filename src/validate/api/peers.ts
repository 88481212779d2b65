import type { FieldPath } from '../../krm/path';
import type { ApiError } from './field-error';
import { forbidden, invalidString, required } from './field-error';
import type { GoCidr } from './cidr';
import { goContains, hasHostBits, isIPv4Mapped, parseCidrSloppy } from './cidr';
import { validateLabelSelector } from './selector';
import { listMember, member, stringEntry, stringMember } from './value';
import type { KubeVersion } from './version';
import { cidrStrictness } from './version';

/** `ValidateNetworkPolicyPeer` (R1–R4). */
export function validatePeer(peer: unknown, path: FieldPath, version: KubeVersion): ApiError[] {
  const errors: ApiError[] = [];
  let count = 0;
  for (const key of ['podSelector', 'namespaceSelector'] as const) {
    const selector = member(peer, key);
    if (selector === undefined) continue;
    count++;
    errors.push(...validateLabelSelector(selector, [...path, key], version));
  }
  const ipBlock = member(peer, 'ipBlock');
  if (ipBlock !== undefined) {
    count++;
    errors.push(...validateIPBlock(ipBlock, [...path, 'ipBlock'], version));
  }
  if (count === 0) errors.push(required(path, 'must specify a peer'));
  else if (count > 1 && ipBlock !== undefined) errors.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errors;
}

/** The wording of an unparsable CIDR changed when apimachinery's IP helpers replaced it. */
function unparsable(version: KubeVersion): string {
  return version.minor >= 30 ? 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)' : 'not a valid CIDR';
}

/** `IsValidCIDRForLegacyField`: the sloppy parse, then the strict checks when the version enforces them. */
function validateCidr(text: string, path: FieldPath, version: KubeVersion): { cidr: GoCidr | undefined; errors: ApiError[] } {
  const cidr = parseCidrSloppy(text);
  if (cidr === undefined) return { cidr, errors: [invalidString(path, text, unparsable(version))] };
  if (cidrStrictness(version) !== 'reject') return { cidr, errors: [] };
  if (cidr.nonStandard) return { cidr, errors: [invalidString(path, text, 'must not have leading 0s in IP or prefix length')] };
  if (isIPv4Mapped(cidr.ip)) return { cidr, errors: [invalidString(path, text, 'must not have an IPv4-mapped IPv6 address')] };
  if (hasHostBits(cidr)) return { cidr, errors: [invalidString(path, text, 'must not have bits set beyond the prefix length')] };
  return { cidr, errors: [] };
}

/** `ValidateIPBlock` (B1–B7). */
export function validateIPBlock(ipBlock: unknown, path: FieldPath, version: KubeVersion): ApiError[] {
  const cidrText = stringMember(ipBlock, 'cidr');
  if (cidrText === '') return [required([...path, 'cidr'], '')];
  const { cidr, errors } = validateCidr(cidrText, [...path, 'cidr'], version);
  if (cidr === undefined) return errors;
  const excepts = listMember(ipBlock, 'except');
  for (let index = 0; index < excepts.length; index++) {
    const exceptText = stringEntry(excepts[index]);
    const exceptPath = [...path, 'except', index];
    const checked = validateCidr(exceptText, exceptPath, version);
    errors.push(...checked.errors);
    if (checked.cidr === undefined) {
      // Before the IP helpers, the first unparsable entry ended the whole ipBlock check.
      if (version.minor < 30) return errors;
      continue;
    }
    if (!goContains(cidr, checked.cidr.network) || cidr.prefixLength >= checked.cidr.prefixLength) {
      errors.push(invalidString(exceptPath, exceptText, 'must be a strict subset of `cidr`'));
    }
  }
  return errors;
}
