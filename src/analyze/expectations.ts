import type { Expectation } from '../config/sections/expectations';
import { FUNCTION_CONFIG_INDEX, type Finding } from '../krm/finding';
import { formatPath } from '../krm/path';
import type { Protocol } from '../netpol/model';
import type { AnalysisOptions, ClassIndex } from './classes';
import { hasPort, type ConnSet } from './conns';
import { endpointLabel } from './connections';
import { evaluatePair, type PairEnd, type PairVerdict, type SideVerdict } from './explain';
import type { AnalysisWorkload, Inventory } from './inventory';
import { formatRange, parseAddressOrCidr, splitAtoms, type IpRange } from './ipranges';
import type { CompiledPolicy } from './policies';

/** Rule ids of expectation findings. */
export const EXPECTATION_RULES = {
  broken: 'netpol/expectation-broken',
  unknownPeer: 'netpol/expectation-unknown-peer',
  invalid: 'netpol/expectation-invalid',
} as const;

type Resolved = { readonly end: 'workload'; readonly workload: AnalysisWorkload; readonly classId: number } | { readonly end: 'external'; readonly range: IpRange };

const WORKLOAD_REF = /^(?:([A-Za-z][A-Za-z0-9]*):)?([^/\s:]+)\/([^/\s]+)$/;

/** Resolves `Kind:ns/name`, `ns/name`, an IP or a CIDR; a string says why it cannot. */
function resolve(text: string, inventory: Inventory, index: ClassIndex): Resolved | { readonly problem: string; readonly rule: string } {
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

function policyName(policy: CompiledPolicy): string {
  return `${policy.namespace}/${policy.name}`;
}

function label(end: Resolved): string {
  return end.end === 'workload' ? endpointLabel({ kind: 'workload', workload: end.workload }) : formatRange(end.range);
}

/** Whether a connection set covers the expectation's port (or any port of its protocol). */
function covers(conns: ConnSet, protocol: Protocol, port: number | undefined): boolean {
  return port === undefined ? conns[protocol].length > 0 : hasPort(conns, protocol, port);
}

function explainSide(side: SideVerdict, direction: 'egress' | 'ingress', who: string, what: string, protocol: Protocol, port: number | undefined): string {
  if (side.isolatedBy.length === 0) return `${who} is not isolated for ${direction} (no policy selects it for ${direction === 'egress' ? 'Egress' : 'Ingress'})`;
  const opening = side.grants.filter((grant) => covers(grant.conns, protocol, port));
  if (opening.length > 0) {
    return `${direction} allowed by ${opening.map((g) => `${policyName(g.policy)} ${formatPath(g.path)}`).join(', ')}`;
  }
  return `${direction} of ${who} is isolated by ${side.isolatedBy.map(policyName).join(', ')} and no ${direction} rule of them opens ${what}`;
}

function explain(verdict: PairVerdict, source: string, destination: string, protocol: Protocol, port: number | undefined, expected: boolean): string {
  const what = port === undefined ? `any ${protocol} port` : `${protocol} ${port}`;
  const egressOpen = covers(verdict.egress.allowed, protocol, port);
  const ingressOpen = covers(verdict.ingress.allowed, protocol, port);
  const parts: string[] = [];
  // A denial needs only the side that denies; an unexpected allowance needs both sides' reasons.
  if (expected === false || !egressOpen) parts.push(explainSide(verdict.egress, 'egress', source, `${what} to ${destination}`, protocol, port));
  if (expected === false || !ingressOpen) parts.push(explainSide(verdict.ingress, 'ingress', destination, `${what} from ${source}`, protocol, port));
  return parts.join('; ');
}

/** Every ipBlock boundary of every policy, to split an expectation's CIDR into atoms. */
function boundaries(policies: readonly CompiledPolicy[]): IpRange[] {
  return policies.flatMap((policy) =>
    [...policy.ingress, ...policy.egress].flatMap((rule) =>
      rule.peers === 'any' ? [] : rule.peers.flatMap((peer) => (peer.kind === 'ipBlock' ? [peer.block.cidr, ...peer.block.except] : [])),
    ),
  );
}

function ends(end: Resolved, index: ClassIndex, bounds: readonly IpRange[]): PairEnd[] {
  if (end.end === 'workload') return [{ kind: 'pods', pods: index.classes[end.classId]! }];
  return splitAtoms(end.range, bounds).map((range) => ({ kind: 'external', range }));
}

/**
 * Checks each expectation: a workload-to-CIDR expectation must hold for every address of
 * the CIDR. A broken one is an error on the functionConfig (`spec.expectations[i]`) that
 * names the deciding policies and rules.
 */
export function checkExpectations(
  expectations: readonly Expectation[],
  inventory: Inventory,
  index: ClassIndex,
  options: AnalysisOptions,
): Finding[] {
  const findings: Finding[] = [];
  const bounds = boundaries(inventory.policies);
  expectations.forEach((expectation, i) => {
    const path = ['spec', 'expectations', i];
    const fail = (ruleId: string, message: string): void => {
      const note = expectation.description === undefined ? '' : ` (${expectation.description})`;
      findings.push({ ruleId, severity: 'error', message: `${message}${note}`, itemIndex: FUNCTION_CONFIG_INDEX, path });
    };
    const from = resolve(expectation.from, inventory, index);
    const to = resolve(expectation.to, inventory, index);
    if ('problem' in from) return fail(from.rule, `from: ${from.problem}`);
    if ('problem' in to) return fail(to.rule, `to: ${to.problem}`);
    if (from.end === 'external' && to.end === 'external') {
      return fail(EXPECTATION_RULES.invalid, 'from and to are both external addresses: NetworkPolicies only govern pods');
    }
    const protocol = expectation.protocol ?? 'TCP';
    const port = expectation.port;
    const source = label(from);
    const destination = label(to);
    for (const a of ends(from, index, bounds)) {
      for (const b of ends(to, index, bounds)) {
        const verdict = evaluatePair(inventory.policies, a, b, options);
        if (covers(verdict.allowed, protocol, port) === expectation.allowed) continue;
        const at = (end: PairEnd, text: string): string => (end.kind === 'external' ? formatRange(end.range) : text);
        const what = port === undefined ? `any ${protocol} port` : `${protocol} ${port}`;
        const outcome = expectation.allowed ? 'denied' : 'allowed';
        return fail(
          EXPECTATION_RULES.broken,
          `expected ${source} -> ${destination} ${what} to be ${expectation.allowed ? 'allowed' : 'denied'}, but ${at(a, source)} -> ${at(b, destination)} is ${outcome}: ${explain(verdict, at(a, source), at(b, destination), protocol, port, expectation.allowed)}`,
        );
      }
    }
  });
  return findings;
}
