import type { FieldPath } from '../krm/path';
import type { Direction } from '../netpol/model';
import type { AnalysisOptions, PodClass } from './classes';
import { ALL_CONNS, NO_CONNS, intersect, union, type ConnSet } from './conns';
import type { IpRange } from './ipranges';
import { peerAdmitsRange, peerMatchesPods, policySelects, rulePortsFor } from './match';
import { rulePath, type CompiledPolicy } from './policies';

/** One end of a pair under evaluation: a pod class or an external atom. */
export type PairEnd = { readonly kind: 'pods'; readonly pods: PodClass } | { readonly kind: 'external'; readonly range: IpRange };

/** A rule (or one of its peers) that opens connections for the pair. */
export interface Grant {
  readonly policy: CompiledPolicy;
  /** Path of the peer (`spec.egress[0].to[1]`), or of the rule when it admits every peer. */
  readonly path: FieldPath;
  readonly conns: ConnSet;
}

/** What one direction says about the pair. */
export interface SideVerdict {
  /** Policies that select the pod for this direction; empty = not isolated (all allowed). */
  readonly isolatedBy: readonly CompiledPolicy[];
  readonly grants: readonly Grant[];
  readonly allowed: ConnSet;
}

/** Egress at the source and ingress at the destination, and what both allow together. */
export interface PairVerdict {
  readonly egress: SideVerdict;
  readonly ingress: SideVerdict;
  readonly allowed: ConnSet;
}

const OPEN: SideVerdict = { isolatedBy: [], grants: [], allowed: ALL_CONNS };

function side(
  policies: readonly CompiledPolicy[],
  direction: Direction,
  selected: PodClass,
  peer: PairEnd,
  destination: PodClass | undefined,
  options: AnalysisOptions,
): SideVerdict {
  const isolatedBy = policies.filter((policy) => policy.isolates[direction] && policySelects(policy, selected));
  if (isolatedBy.length === 0) return OPEN;
  const grants: Grant[] = [];
  for (const policy of isolatedBy) {
    for (const rule of policy[direction]) {
      const conns = rulePortsFor(rule, destination);
      if (rule.peers === 'any') {
        grants.push({ policy, path: rulePath(policy, rule), conns });
        continue;
      }
      for (const candidate of rule.peers) {
        const matches =
          peer.kind === 'pods'
            ? peerMatchesPods(candidate, policy, peer.pods, options.ipBlocksMatchPods)
            : peerAdmitsRange(candidate, peer.range);
        if (matches) grants.push({ policy, path: rulePath(policy, rule, candidate.index), conns });
      }
    }
  }
  return { isolatedBy, grants, allowed: grants.reduce((acc, grant) => union(acc, grant.conns), NO_CONNS) };
}

/**
 * Evaluates one pair straight from the policies, keeping which policies and rules decide:
 * the explanation behind an expectation, and the per-pod reference the class-based engine
 * is tested against. An external range must be an atom (wholly inside or outside each ipBlock).
 */
export function evaluatePair(
  policies: readonly CompiledPolicy[],
  source: PairEnd,
  destination: PairEnd,
  options: AnalysisOptions,
): PairVerdict {
  const destinationPods = destination.kind === 'pods' ? destination.pods : undefined;
  const egress = source.kind === 'pods' ? side(policies, 'egress', source.pods, destination, destinationPods, options) : OPEN;
  const ingress =
    destination.kind === 'pods' ? side(policies, 'ingress', destination.pods, source, destination.pods, options) : OPEN;
  return { egress, ingress, allowed: intersect(egress.allowed, ingress.allowed) };
}
