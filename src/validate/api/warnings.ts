import type { FieldPath } from '../../krm/path';
import { formatPath } from '../../krm/path';
import { addressBits, canonicalPrefix, goIPString, goNetworkString, hasHostBits, isIPv4Mapped, parseCidrSloppy } from './cidr';
import { goQuote } from './field-error';
import { listMember, member, stringEntry, stringMember } from './value';
import type { KubeVersion } from './version';
import { cidrStrictness } from './version';

/** A warning the API server returns with a successful response (it never changes the verdict). */
export interface ApiWarning {
  readonly path: FieldPath;
  /** The server's text, which starts with the rendered path. */
  readonly message: string;
}

/**
 * `GetWarningsForCIDR` (1.33+): ambiguous host bits, non-standard forms, non-canonical
 * IPv6. Where the version rejects the value (1.36+ strict parsing), the error says it
 * already, so only the canonical-IPv6 warning remains.
 */
export function cidrWarnings(text: string, path: FieldPath, version: KubeVersion): ApiWarning[] {
  const strictness = cidrStrictness(version);
  if (strictness === 'accept') return [];
  const cidr = parseCidrSloppy(text);
  if (cidr === undefined) return [];
  const where = formatPath(path);
  const messages: string[] = [];
  const mapped = isIPv4Mapped(cidr.ip);
  const rejected = strictness === 'reject' && (cidr.nonStandard || mapped || hasHostBits(cidr));
  if (rejected) return [];
  if (hasHostBits(cidr)) {
    const single = `${goIPString(cidr.ip)}/${addressBits(cidr)}`;
    messages.push(`${where}: CIDR value ${goQuote(text)} is ambiguous in this context (should be ${goQuote(goNetworkString(cidr))} or ${goQuote(single)}?)`);
  }
  if (cidr.nonStandard || mapped) {
    messages.push(`${where}: non-standard CIDR value ${goQuote(text)} will be considered invalid in a future Kubernetes release: use ${goQuote(goNetworkString(cidr))}`);
  }
  if (messages.length === 0 && cidr.ip.length === 16) {
    const canonical = canonicalPrefix(cidr);
    if (canonical !== text) messages.push(`${where}: IPv6 CIDR value ${goQuote(text)} should be in RFC 5952 canonical format (${goQuote(canonical)})`);
  }
  return messages.map((message) => ({ path, message }));
}

/** `networkPolicyWarnings`: every ipBlock cidr and except entry, in document order. */
export function policyWarnings(policy: unknown, version: KubeVersion): ApiWarning[] {
  const warnings: ApiWarning[] = [];
  const spec = member(policy, 'spec');
  for (const [direction, peerKey] of [['ingress', 'from'], ['egress', 'to']] as const) {
    listMember(spec, direction).forEach((rule, index) => {
      listMember(rule, peerKey).forEach((peer, peerIndex) => {
        const ipBlock = member(peer, 'ipBlock');
        if (ipBlock === undefined) return;
        const path = ['spec', direction, index, peerKey, peerIndex, 'ipBlock'];
        warnings.push(...cidrWarnings(stringMember(ipBlock, 'cidr'), [...path, 'cidr'], version));
        listMember(ipBlock, 'except').forEach((entry, exceptIndex) => {
          warnings.push(...cidrWarnings(stringEntry(entry), [...path, 'except', exceptIndex], version));
        });
      });
    });
  }
  return warnings;
}
