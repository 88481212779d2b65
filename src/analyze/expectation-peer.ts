import type { ClassIndex } from './classes';
import type { AnalysisWorkload, Inventory } from './inventory';
import { parseAddressOrCidr, type IpRange } from './ipranges';

/** Rule ids of expectation findings. */
export const EXPECTATION_RULES = {
  broken: 'netpol/expectation-broken',
  unknownPeer: 'netpol/expectation-unknown-peer',
  invalid: 'netpol/expectation-invalid',
} as const;

/** An expectation's `from` or `to`, resolved against the list. */
export type ResolvedPeer =
  | { readonly end: 'workload'; readonly workload: AnalysisWorkload; readonly classId: number }
  | { readonly end: 'external'; readonly range: IpRange };

/** Why a `from`/`to` cannot be resolved, with the rule id to report it under. */
export interface PeerProblem {
  readonly rule: string;
  readonly problem: string;
}

const WORKLOAD_REF = /^(?:([A-Za-z][A-Za-z0-9]*):)?([^/\s:]+)\/([^/\s]+)$/;

/** Resolves `Kind:ns/name`, `ns/name`, an IP or a CIDR. */
export function resolvePeer(text: string, inventory: Inventory, index: ClassIndex): ResolvedPeer | PeerProblem {
  const range = parseAddressOrCidr(text);
  if (range !== undefined) return { end: 'external', range };
  const match = WORKLOAD_REF.exec(text);
  if (match === null) {
    return { rule: EXPECTATION_RULES.invalid, problem: `"${text}" is neither namespace/name, Kind:namespace/name, an IP nor a CIDR` };
  }
  const [, kind, namespace, name] = match;
  const found = inventory.workloads
    .map((workload, i) => ({ workload, i }))
    .filter(({ workload }) => workload.namespace === namespace && workload.name === name && (kind === undefined || workload.kind === kind));
  const first = found[0];
  if (first === undefined) {
    const near = inventory.workloads.filter((w) => w.namespace === namespace).map((w) => `${w.kind}:${w.namespace}/${w.name}`);
    const hint = near.length === 0 ? `no workload is in namespace "${namespace}"` : `namespace "${namespace}" has ${near.slice(0, 5).join(', ')}`;
    return { rule: EXPECTATION_RULES.unknownPeer, problem: `"${text}" names no workload in the list (${hint})` };
  }
  if (found.length > 1) {
    const kinds = found.map(({ workload }) => workload.kind).join(', ');
    return { rule: EXPECTATION_RULES.invalid, problem: `"${text}" is ambiguous (${kinds}): write it as Kind:${namespace}/${name}` };
  }
  return { end: 'workload', workload: first.workload, classId: index.workloadClass[first.i]! };
}
