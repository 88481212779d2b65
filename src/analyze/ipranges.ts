import type ipaddr from 'ipaddr.js';
import { ipaddrLib } from '../netpol/ipaddr-lib';

/** A closed range of addresses of one family, as integers. */
export interface IpRange {
  readonly family: 4 | 6;
  readonly start: bigint;
  readonly end: bigint;
}

/** An ipBlock after parsing: the CIDR range minus its `except` ranges. */
export interface IpBlockRanges {
  readonly cidr: IpRange;
  readonly except: readonly IpRange[];
}

function toBigInt(address: ipaddr.IPv4 | ipaddr.IPv6): bigint {
  let value = 0n;
  for (const byte of address.toByteArray()) value = (value << 8n) | BigInt(byte);
  return value;
}

function fromBigInt(value: bigint, family: 4 | 6): string {
  const bytes: number[] = [];
  let rest = value;
  for (let i = 0; i < (family === 4 ? 4 : 16); i++) {
    bytes.unshift(Number(rest & 0xffn));
    rest >>= 8n;
  }
  return ipaddrLib().fromByteArray(bytes).toString();
}

/**
 * Parses a CIDR as the API server accepts it (host bits allowed, the network is what
 * counts); `undefined` when it is not a CIDR. IPv4-mapped IPv6 stays IPv6.
 */
export function parseCidr(text: string): IpRange | undefined {
  const { IPv4, IPv6 } = ipaddrLib();
  if (IPv4.isValidCIDRFourPartDecimal(text)) {
    return {
      family: 4,
      start: toBigInt(IPv4.networkAddressFromCIDR(text)),
      end: toBigInt(IPv4.broadcastAddressFromCIDR(text)),
    };
  }
  if (text.includes(':') && IPv6.isValidCIDR(text)) {
    return {
      family: 6,
      start: toBigInt(IPv6.networkAddressFromCIDR(text)),
      end: toBigInt(IPv6.broadcastAddressFromCIDR(text)),
    };
  }
  return undefined;
}

/** Parses a single address or a CIDR (an address is its own one-address range). */
export function parseAddressOrCidr(text: string): IpRange | undefined {
  if (text.includes('/')) return parseCidr(text);
  const { IPv4, IPv6 } = ipaddrLib();
  if (IPv4.isValidFourPartDecimal(text)) {
    const value = toBigInt(IPv4.parse(text));
    return { family: 4, start: value, end: value };
  }
  if (text.includes(':') && IPv6.isValid(text)) {
    const value = toBigInt(IPv6.parse(text));
    return { family: 6, start: value, end: value };
  }
  return undefined;
}

/** Parses an ipBlock's cidr and except list; `undefined` if any of them is not a CIDR. */
export function parseIpBlock(cidr: string, except: readonly string[]): IpBlockRanges | undefined {
  const range = parseCidr(cidr);
  if (range === undefined) return undefined;
  const excluded: IpRange[] = [];
  for (const text of except) {
    const parsed = parseCidr(text);
    if (parsed === undefined) return undefined;
    excluded.push(parsed);
  }
  return { cidr: range, except: excluded };
}

/** The whole address space of a family. */
export function familySpace(family: 4 | 6): IpRange {
  return { family, start: 0n, end: family === 4 ? 2n ** 32n - 1n : 2n ** 128n - 1n };
}

/** Whether `inner` lies entirely inside `outer`. */
export function contains(outer: IpRange, inner: IpRange): boolean {
  return outer.family === inner.family && outer.start <= inner.start && inner.end <= outer.end;
}

/** Whether two ranges share an address. */
export function overlaps(a: IpRange, b: IpRange): boolean {
  return a.family === b.family && a.start <= b.end && b.start <= a.end;
}

/**
 * Whether an ipBlock admits every address of `range`. Callers pass atoms (ranges split at
 * every boundary of the block), so an atom is either wholly admitted or not at all.
 */
export function blockAdmits(block: IpBlockRanges, range: IpRange): boolean {
  return contains(block.cidr, range) && !block.except.some((excluded) => overlaps(excluded, range));
}

/**
 * Splits `space` at every boundary of `ranges` into disjoint, contiguous atoms in address
 * order: every given range is then a union of atoms.
 */
export function splitAtoms(space: IpRange, ranges: readonly IpRange[]): IpRange[] {
  const cuts = new Set<bigint>([space.start]);
  for (const range of ranges) {
    if (!overlaps(range, space)) continue;
    if (range.start > space.start) cuts.add(range.start);
    if (range.end < space.end) cuts.add(range.end + 1n);
  }
  const starts = [...cuts].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return starts.map((start, i) => {
    const next = starts[i + 1];
    return { family: space.family, start, end: next === undefined ? space.end : next - 1n };
  });
}

/** `a.b.c.d-e.f.g.h`, the connlist notation for an external range. */
export function formatRange(range: IpRange): string {
  return `${fromBigInt(range.start, range.family)}-${fromBigInt(range.end, range.family)}`;
}
