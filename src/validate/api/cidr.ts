/**
 * CIDR parsing exactly as the API server does it: Go 1.16's `net.ParseCIDR` (kept as
 * `netutils.ParseCIDRSloppy`, which allows leading zeros) plus the strict checks of
 * `netip.ParsePrefix`. ipaddr.js cannot stand in for the parser (it reads `010` as octal
 * and rejects 5-digit IPv6 groups), so the grammar is reproduced here; addresses are
 * printed with ipaddr.js.
 */
import type ipaddr from 'ipaddr.js';
import { ipaddrLib } from '../../netpol/ipaddr-lib';

/** A CIDR as Go's `net.ParseCIDR` returns it. */
export interface GoCidr {
  /** Address bytes: 4 when the text was dotted IPv4, else 16 (IPv4-mapped stays 16). */
  readonly ip: readonly number[];
  /** The masked network address, same length as `ip`. */
  readonly network: readonly number[];
  readonly prefixLength: number;
  /** Whether `netip.ParsePrefix` rejects the text (leading zeros, over-long IPv6 groups). */
  readonly nonStandard: boolean;
}

interface Parsed {
  readonly bytes: number[];
  readonly leadingZeros: boolean;
}

const BIG = 0xffffff;

/** Go's `dtoi`: decimal digits at the start; `undefined` when none or too big. */
function decimal(text: string): { value: number; length: number } | undefined {
  let value = 0;
  let i = 0;
  for (; i < text.length && text[i]! >= '0' && text[i]! <= '9'; i++) {
    value = value * 10 + (text.charCodeAt(i) - 48);
    if (value >= BIG) return undefined;
  }
  return i === 0 ? undefined : { value, length: i };
}

/** Go's `xtoi`: hex digits at the start. */
function hex(text: string): { value: number; length: number } | undefined {
  let value = 0;
  let i = 0;
  for (; i < text.length && /[0-9a-fA-F]/.test(text[i]!); i++) {
    value = value * 16 + parseInt(text[i]!, 16);
    if (value >= BIG) return undefined;
  }
  return i === 0 ? undefined : { value, length: i };
}

function parseIPv4(text: string): Parsed | undefined {
  const bytes: number[] = [];
  let rest = text;
  let leadingZeros = false;
  for (let i = 0; i < 4; i++) {
    if (rest.length === 0) return undefined;
    if (i > 0) {
      if (rest[0] !== '.') return undefined;
      rest = rest.slice(1);
    }
    const octet = decimal(rest);
    if (octet === undefined || octet.value > 0xff) return undefined;
    if (octet.length > 1 && rest[0] === '0') leadingZeros = true;
    bytes.push(octet.value);
    rest = rest.slice(octet.length);
  }
  return rest.length === 0 ? { bytes, leadingZeros } : undefined;
}

function parseIPv6(text: string): Parsed | undefined {
  const bytes = new Array<number>(16).fill(0);
  let ellipsis = -1;
  let rest = text;
  let leadingZeros = false;
  if (rest.startsWith('::')) {
    ellipsis = 0;
    rest = rest.slice(2);
    if (rest.length === 0) return { bytes, leadingZeros };
  }
  let i = 0;
  while (i < 16) {
    const group = hex(rest);
    if (group === undefined || group.value > 0xffff) return undefined;
    if (group.length < rest.length && rest[group.length] === '.') {
      if (ellipsis < 0 && i !== 12) return undefined;
      if (i + 4 > 16) return undefined;
      const v4 = parseIPv4(rest);
      if (v4 === undefined) return undefined;
      if (v4.leadingZeros) leadingZeros = true;
      bytes.splice(i, 4, ...v4.bytes);
      rest = '';
      i += 4;
      break;
    }
    // netip allows at most four hex digits per group.
    if (group.length > 4) leadingZeros = true;
    bytes[i] = group.value >> 8;
    bytes[i + 1] = group.value & 0xff;
    i += 2;
    rest = rest.slice(group.length);
    if (rest.length === 0) break;
    if (rest[0] !== ':' || rest.length === 1) return undefined;
    rest = rest.slice(1);
    if (rest[0] === ':') {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      rest = rest.slice(1);
      if (rest.length === 0) break;
    }
  }
  if (rest.length !== 0) return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const shift = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) bytes[j + shift] = bytes[j]!;
    for (let j = ellipsis + shift - 1; j >= ellipsis; j--) bytes[j] = 0;
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return { bytes, leadingZeros };
}

function mask(bytes: readonly number[], prefixLength: number): number[] {
  return bytes.map((byte, index) => {
    const bits = Math.max(0, Math.min(8, prefixLength - index * 8));
    return byte & ((0xff << (8 - bits)) & 0xff);
  });
}

/**
 * CIDRs parsed so far: the same few (`0.0.0.0/0`, the private ranges) recur in every
 * policy, and validation, warnings and lints each parse them. Answers are frozen, so the
 * memo cannot be changed through one.
 */
const parsedCidrs = new Map<string, GoCidr | undefined>();

/** `net.ParseCIDR` of Go 1.16; `undefined` where it returns an error. */
export function parseCidrSloppy(text: string): GoCidr | undefined {
  if (parsedCidrs.has(text)) return parsedCidrs.get(text);
  const cidr = parseCidr(text);
  // bounded, for a long-lived process that validates many different lists
  if (parsedCidrs.size >= 10000) parsedCidrs.clear();
  parsedCidrs.set(text, cidr === undefined ? undefined : Object.freeze({ ...cidr, ip: Object.freeze(cidr.ip), network: Object.freeze(cidr.network) }));
  return parsedCidrs.get(text);
}

function parseCidr(text: string): GoCidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const length = text.slice(slash + 1);
  const v4 = parseIPv4(address);
  const parsed = v4 ?? parseIPv6(address);
  if (parsed === undefined) return undefined;
  const bits = v4 === undefined ? 128 : 32;
  const prefix = decimal(length);
  if (prefix === undefined || prefix.length !== length.length || prefix.value > bits) return undefined;
  return {
    ip: parsed.bytes,
    network: mask(parsed.bytes, prefix.value),
    prefixLength: prefix.value,
    nonStandard: parsed.leadingZeros || (length.length > 1 && length[0] === '0'),
  };
}

const MAPPED_PREFIX = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** Whether 16 address bytes are an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`). */
export function isIPv4Mapped(bytes: readonly number[]): boolean {
  return bytes.length === 16 && MAPPED_PREFIX.every((byte, index) => bytes[index] === byte);
}

/** Go's `IP.To4`: the 4 bytes of an IPv4 or IPv4-mapped address. */
function to4(bytes: readonly number[]): readonly number[] | undefined {
  if (bytes.length === 4) return bytes;
  return isIPv4Mapped(bytes) ? bytes.slice(12) : undefined;
}

/** Go's `IP.String`: dotted for IPv4 and IPv4-mapped, RFC 5952 otherwise. */
export function goIPString(bytes: readonly number[]): string {
  const v4 = to4(bytes);
  if (v4 !== undefined) return ipaddrLib().fromByteArray([...v4]).toString();
  return (ipaddrLib().fromByteArray([...bytes]) as ipaddr.IPv6).toRFC5952String();
}

/**
 * Go's `IPNet.String` of a parsed CIDR: an IPv4-mapped network (only possible with a
 * prefix of 96 or more) prints as IPv4 with the prefix shortened by 96.
 */
export function goNetworkString(cidr: GoCidr): string {
  const mapped = cidr.network.length === 16 && to4(cidr.network) !== undefined;
  return `${goIPString(cidr.network)}/${mapped ? cidr.prefixLength - 96 : cidr.prefixLength}`;
}

/** The total bits of the address family Go parsed (`Mask.Size()`'s second result). */
export function addressBits(cidr: GoCidr): number {
  return cidr.ip.length * 8;
}

/** Go's `IPNet.Contains(ip)`: compares IPv4 and IPv4-mapped alike, other mixes never match. */
export function goContains(network: GoCidr, ip: readonly number[]): boolean {
  let base: readonly number[] = network.network;
  let netMask = mask(new Array<number>(network.network.length).fill(0xff), network.prefixLength);
  const base4 = to4(base);
  if (base4 !== undefined) {
    base = base4;
    if (netMask.length === 16) netMask = netMask.slice(12);
  }
  const candidate = to4(ip) ?? ip;
  if (candidate.length !== base.length || netMask.length !== base.length) return false;
  return base.every((byte, index) => (byte & netMask[index]!) === (candidate[index]! & netMask[index]!));
}

/** Whether the address has bits set beyond the prefix length. */
export function hasHostBits(cidr: GoCidr): boolean {
  return cidr.ip.some((byte, index) => byte !== cidr.network[index]);
}

/** `netip.Prefix.String()` of a strictly valid CIDR (lowercase, RFC 5952). */
export function canonicalPrefix(cidr: GoCidr): string {
  const address = ipaddrLib().fromByteArray([...cidr.ip]);
  const text = address.kind() === 'ipv6' ? (address as ipaddr.IPv6).toRFC5952String() : address.toString();
  return `${text}/${cidr.prefixLength}`;
}
