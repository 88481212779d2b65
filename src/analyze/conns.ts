import type { Protocol } from '../netpol/model';

/** A closed port interval `[from, to]`. */
export type PortInterval = readonly [number, number];

/**
 * A set of connections: per protocol, sorted, disjoint, non-adjacent port intervals.
 * Immutable; the operations return new sets (or one of the shared constants).
 */
export interface ConnSet {
  readonly TCP: readonly PortInterval[];
  readonly UDP: readonly PortInterval[];
  readonly SCTP: readonly PortInterval[];
}

/** Protocols in the order reports print them (lexical, as np-guard's connlist does). */
export const PROTOCOLS: readonly Protocol[] = ['SCTP', 'TCP', 'UDP'];

const FULL: readonly PortInterval[] = Object.freeze([Object.freeze([1, 65535] as const)]);
const NONE: readonly PortInterval[] = Object.freeze([]);

/** No connection at all. */
export const NO_CONNS: ConnSet = Object.freeze({ TCP: NONE, UDP: NONE, SCTP: NONE });

/** Every port of every protocol. */
export const ALL_CONNS: ConnSet = Object.freeze({ TCP: FULL, UDP: FULL, SCTP: FULL });

/** The ports `from..to` of one protocol. */
export function portRange(protocol: Protocol, from: number, to: number): ConnSet {
  return { ...NO_CONNS, [protocol]: [[from, to]] };
}

/** Every port of one protocol. */
export function allPorts(protocol: Protocol): ConnSet {
  return { ...NO_CONNS, [protocol]: FULL };
}

function unionIntervals(a: readonly PortInterval[], b: readonly PortInterval[]): readonly PortInterval[] {
  if (a.length === 0) return b;
  if (b.length === 0 || a === b) return a;
  const sorted = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function intersectIntervals(a: readonly PortInterval[], b: readonly PortInterval[]): readonly PortInterval[] {
  if (a.length === 0 || b.length === 0) return NONE;
  if (a === FULL || a === b) return b;
  if (b === FULL) return a;
  const out: PortInterval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const from = Math.max(x[0], y[0]);
    const to = Math.min(x[1], y[1]);
    if (from <= to) out.push([from, to]);
    if (x[1] < y[1]) i++;
    else j++;
  }
  return out;
}

/** Connections in either set. */
export function union(a: ConnSet, b: ConnSet): ConnSet {
  if (a === NO_CONNS || b === ALL_CONNS) return b;
  if (b === NO_CONNS || a === ALL_CONNS) return a;
  return { TCP: unionIntervals(a.TCP, b.TCP), UDP: unionIntervals(a.UDP, b.UDP), SCTP: unionIntervals(a.SCTP, b.SCTP) };
}

/** Connections in both sets (egress at the source AND ingress at the destination). */
export function intersect(a: ConnSet, b: ConnSet): ConnSet {
  if (a === ALL_CONNS) return b;
  if (b === ALL_CONNS) return a;
  if (a === NO_CONNS || b === NO_CONNS) return NO_CONNS;
  return {
    TCP: intersectIntervals(a.TCP, b.TCP),
    UDP: intersectIntervals(a.UDP, b.UDP),
    SCTP: intersectIntervals(a.SCTP, b.SCTP),
  };
}

/** True when no port of any protocol is in the set. */
export function isEmpty(set: ConnSet): boolean {
  return set.TCP.length === 0 && set.UDP.length === 0 && set.SCTP.length === 0;
}

function isFull(intervals: readonly PortInterval[]): boolean {
  const only = intervals[0];
  return intervals.length === 1 && only !== undefined && only[0] === 1 && only[1] === 65535;
}

/** True when every port of every protocol is in the set. */
export function isAll(set: ConnSet): boolean {
  return isFull(set.TCP) && isFull(set.UDP) && isFull(set.SCTP);
}

/** Whether one port of one protocol is in the set. */
export function hasPort(set: ConnSet, protocol: Protocol, port: number): boolean {
  return set[protocol].some(([from, to]) => from <= port && port <= to);
}

/** Structural equality (intervals are canonical, so equal sets have equal intervals). */
export function connsEqual(a: ConnSet, b: ConnSet): boolean {
  return PROTOCOLS.every((protocol) => {
    const x = a[protocol];
    const y = b[protocol];
    return x.length === y.length && x.every((interval, i) => interval[0] === y[i]![0] && interval[1] === y[i]![1]);
  });
}

/** Renders `p` or `p-q` intervals joined by commas. */
export function formatIntervals(intervals: readonly PortInterval[]): string {
  return intervals.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`)).join(',');
}

/**
 * np-guard's connlist wording: `All Connections`, `No Connections`, or
 * `SCTP 1-65535,TCP 1-79,81-65535,UDP 53` (protocols in lexical order).
 */
export function formatConns(set: ConnSet): string {
  if (isAll(set)) return 'All Connections';
  if (isEmpty(set)) return 'No Connections';
  return PROTOCOLS.filter((protocol) => set[protocol].length > 0)
    .map((protocol) => `${protocol} ${formatIntervals(set[protocol])}`)
    .join(',');
}
