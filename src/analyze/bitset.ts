/** A fixed-size set of small non-negative integers (pod class ids), one bit each. */
export type BitSet = Uint32Array;

/** An empty set able to hold `0..size-1`. */
export function bitset(size: number): BitSet {
  return new Uint32Array(Math.ceil(size / 32));
}

/** Adds `n`. */
export function setBit(set: BitSet, n: number): void {
  set[n >>> 5]! |= 1 << (n & 31);
}

/** Whether `n` is in the set. */
export function hasBit(set: BitSet, n: number): boolean {
  return ((set[n >>> 5] ?? 0) & (1 << (n & 31))) !== 0;
}
