import type { FieldPath } from './path';

/** KRM result severities (the spec's three levels). */
export type Severity = 'error' | 'warning' | 'info';

/**
 * A finding about one item, before it becomes a KRM Result: the stage that produced it
 * knows the item by its position in the list; the writer adds resourceRef and file.
 */
export interface Finding {
  /** Stable rule or transform id, e.g. `netpol/api-port-range`; tests assert on it. */
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Index of the item in the ResourceList; absent for list-level findings. */
  readonly itemIndex?: number;
  /** Field inside the item, as segments. */
  readonly path?: FieldPath;
}

/** Ordering for deterministic output: by item, then path text, then rule id, then message. */
export function compareFindings(a: Finding, b: Finding): number {
  const ai = a.itemIndex ?? -1;
  const bi = b.itemIndex ?? -1;
  if (ai !== bi) return ai - bi;
  const byPath = comparePaths(a.path ?? [], b.path ?? []);
  if (byPath !== 0) return byPath;
  if (a.ruleId !== b.ruleId) return a.ruleId < b.ruleId ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** Segment-wise path order: indexes numerically, keys by code unit, a prefix first. */
export function comparePaths(a: FieldPath, b: FieldPath): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const xs = String(x);
    const ys = String(y);
    if (xs !== ys) return xs < ys ? -1 : 1;
    return typeof x === 'number' ? -1 : 1;
  }
  return a.length - b.length;
}

/** `itemIndex` of findings about the functionConfig rather than an item. */
export const FUNCTION_CONFIG_INDEX = -1;
