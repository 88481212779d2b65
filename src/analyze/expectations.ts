import type { Expectation } from '../config/sections/expectations';
import { FUNCTION_CONFIG_INDEX, type Finding } from '../krm/finding';
import { formatPath, type FieldPath } from '../krm/path';
import type { Direction, Protocol } from '../netpol/model';
import type { AnalysisOptions, ClassIndex } from './classes';
import { hasPort, type ConnSet } from './conns';
import { endpointLabel } from './connections';
import { EXPECTATION_RULES, resolvePeer, type ResolvedPeer } from './expectation-peer';
import { evaluatePair, type PairEnd, type SideVerdict } from './explain';
import type { Inventory } from './inventory';
import { formatRange, splitAtoms, type IpRange } from './ipranges';
import type { CompiledPolicy } from './policies';

export { EXPECTATION_RULES } from './expectation-peer';

/** A policy rule (or peer) that opens the connection, as `namespace/name` and field path. */
export interface RuleRef {
  readonly policy: string;
  readonly path: FieldPath;
}

/** What one direction says about a broken expectation. */
export type Reason =
  /** No policy isolates the endpoint in this direction: everything is allowed. */
  | { readonly direction: Direction; readonly kind: 'not-isolated'; readonly endpoint: string }
  /** These rules open it. */
  | { readonly direction: Direction; readonly kind: 'allowed-by'; readonly rules: readonly RuleRef[] }
  /** These policies isolate the endpoint and none of their rules opens it. */
  | { readonly direction: Direction; readonly kind: 'no-rule'; readonly endpoint: string; readonly isolatedBy: readonly string[] };

/** The outcome of one expectation, as data (the finding's message is rendered from it). */
export type ExpectationOutcome =
  | { readonly status: 'holds' }
  | { readonly status: 'unusable'; readonly ruleId: string; readonly problem: string }
  | {
      readonly status: 'broken';
      /** The pair that breaks it: for a CIDR, the first address range that does. */
      readonly source: string;
      readonly destination: string;
      readonly reasons: readonly Reason[];
    };

function policyName(policy: CompiledPolicy): string {
  return `${policy.namespace}/${policy.name}`;
}

function label(peer: ResolvedPeer): string {
  return peer.end === 'workload' ? endpointLabel({ kind: 'workload', workload: peer.workload }) : formatRange(peer.range);
}

/** Whether a connection set covers the expectation's port (or any port of its protocol). */
function covers(conns: ConnSet, protocol: Protocol, port: number | undefined): boolean {
  return port === undefined ? conns[protocol].length > 0 : hasPort(conns, protocol, port);
}

function reason(side: SideVerdict, direction: Direction, endpoint: string, protocol: Protocol, port: number | undefined): Reason {
  if (side.isolatedBy.length === 0) return { direction, kind: 'not-isolated', endpoint };
  const opening = side.grants.filter((grant) => covers(grant.conns, protocol, port));
  if (opening.length > 0) return { direction, kind: 'allowed-by', rules: opening.map((g) => ({ policy: policyName(g.policy), path: g.path })) };
  return { direction, kind: 'no-rule', endpoint, isolatedBy: side.isolatedBy.map(policyName) };
}

/** Every ipBlock boundary of every policy, to split an expectation's CIDR into atoms. */
export function ipBlockBoundaries(policies: readonly CompiledPolicy[]): IpRange[] {
  return policies.flatMap((policy) =>
    [...policy.ingress, ...policy.egress].flatMap((rule) =>
      rule.peers === 'any' ? [] : rule.peers.flatMap((peer) => (peer.kind === 'ipBlock' ? [peer.block.cidr, ...peer.block.except] : [])),
    ),
  );
}

function ends(peer: ResolvedPeer, index: ClassIndex, bounds: readonly IpRange[]): PairEnd[] {
  if (peer.end === 'workload') return [{ kind: 'pods', pods: index.classes[peer.classId]! }];
  return splitAtoms(peer.range, bounds).map((range) => ({ kind: 'external', range }));
}

/**
 * Evaluates one expectation. A CIDR must hold for every address in it; a broken
 * expectation says, per direction that matters, which rules open the connection or which
 * policies isolate the endpoint without opening it.
 */
export function evaluateExpectation(
  expectation: Expectation,
  inventory: Inventory,
  index: ClassIndex,
  options: AnalysisOptions,
  bounds: readonly IpRange[] = ipBlockBoundaries(inventory.policies),
): ExpectationOutcome {
  const from = resolvePeer(expectation.from, inventory, index);
  const to = resolvePeer(expectation.to, inventory, index);
  if ('problem' in from) return { status: 'unusable', ruleId: from.rule, problem: `from: ${from.problem}` };
  if ('problem' in to) return { status: 'unusable', ruleId: to.rule, problem: `to: ${to.problem}` };
  if (from.end === 'external' && to.end === 'external') {
    return { status: 'unusable', ruleId: EXPECTATION_RULES.invalid, problem: 'from and to are both external addresses: NetworkPolicies only govern pods' };
  }
  const protocol = expectation.protocol ?? 'TCP';
  const port = expectation.port;
  const name = (end: PairEnd, peer: ResolvedPeer): string => (end.kind === 'external' ? formatRange(end.range) : label(peer));
  for (const a of ends(from, index, bounds)) {
    for (const b of ends(to, index, bounds)) {
      const verdict = evaluatePair(inventory.policies, a, b, options);
      if (covers(verdict.allowed, protocol, port) === expectation.allowed) continue;
      const source = name(a, from);
      const destination = name(b, to);
      const reasons: Reason[] = [];
      // A denial needs only the side that denies; an unexpected allowance needs both sides.
      if (!expectation.allowed || !covers(verdict.egress.allowed, protocol, port)) reasons.push(reason(verdict.egress, 'egress', source, protocol, port));
      if (!expectation.allowed || !covers(verdict.ingress.allowed, protocol, port)) reasons.push(reason(verdict.ingress, 'ingress', destination, protocol, port));
      return { status: 'broken', source, destination, reasons };
    }
  }
  return { status: 'holds' };
}

function describe(reasonOf: Reason, what: string): string {
  switch (reasonOf.kind) {
    case 'not-isolated':
      return `${reasonOf.endpoint} is not isolated for ${reasonOf.direction} (no policy selects it for ${reasonOf.direction === 'egress' ? 'Egress' : 'Ingress'})`;
    case 'allowed-by':
      return `${reasonOf.direction} allowed by ${reasonOf.rules.map((rule) => `${rule.policy} ${formatPath(rule.path)}`).join(', ')}`;
    case 'no-rule':
      return `${reasonOf.direction} of ${reasonOf.endpoint} is isolated by ${reasonOf.isolatedBy.join(', ')} and no ${reasonOf.direction} rule of them opens ${what}`;
  }
}

/** Checks every expectation; each broken or unusable one is an error on `spec.expectations[i]`. */
export function checkExpectations(expectations: readonly Expectation[], inventory: Inventory, index: ClassIndex, options: AnalysisOptions): Finding[] {
  const bounds = ipBlockBoundaries(inventory.policies);
  return expectations.flatMap((expectation, i): Finding[] => {
    const outcome = evaluateExpectation(expectation, inventory, index, options, bounds);
    if (outcome.status === 'holds') return [];
    const note = expectation.description === undefined ? '' : ` (${expectation.description})`;
    const at = { severity: 'error', itemIndex: FUNCTION_CONFIG_INDEX, path: ['spec', 'expectations', i] } as const;
    if (outcome.status === 'unusable') return [{ ruleId: outcome.ruleId, message: `${outcome.problem}${note}`, ...at }];
    const what = expectation.port === undefined ? `any ${expectation.protocol ?? 'TCP'} port` : `${expectation.protocol ?? 'TCP'} ${expectation.port}`;
    const expected = expectation.allowed ? 'allowed' : 'denied';
    const actual = expectation.allowed ? 'denied' : 'allowed';
    const why = outcome.reasons
      .map((r) => describe(r, r.direction === 'egress' ? `${what} to ${outcome.destination}` : `${what} from ${outcome.source}`))
      .join('; ');
    const message = `expected ${expectation.from} -> ${expectation.to} ${what} to be ${expected}, but ${outcome.source} -> ${outcome.destination} is ${actual}: ${why}`;
    return [{ ruleId: EXPECTATION_RULES.broken, message: `${message}${note}`, ...at }];
  });
}
