import type { FieldPath } from '../krm/path';
import type { Direction, LabelSelector, NamespaceScope, NetworkPolicyModel, PolicyRule, RulePorts } from '../netpol/model';
import { ALL_CONNS, NO_CONNS, allPorts, portRange, union, type ConnSet } from './conns';
import { parseIpBlock, type IpBlockRanges } from './ipranges';

/** A peer with its position in the rule and its ipBlock parsed. */
export type CompiledPeer =
  | { readonly kind: 'pods'; readonly index: number; readonly namespaces: NamespaceScope; readonly pods: LabelSelector }
  | { readonly kind: 'ipBlock'; readonly index: number; readonly block: IpBlockRanges };

/** One rule ready for evaluation. */
export interface CompiledRule {
  readonly direction: Direction;
  readonly index: number;
  /** `any`: no `from`/`to` (or an empty one) admits every peer. */
  readonly peers: 'any' | readonly CompiledPeer[];
  readonly ports: RulePorts;
  /** The numeric part of the ports; named ports are resolved per destination pod. */
  readonly fixedPorts: ConnSet;
  readonly hasNamedPorts: boolean;
}

/** A policy ready for evaluation, with where it came from for explanations. */
export interface CompiledPolicy {
  readonly name: string;
  readonly namespace: string;
  readonly itemIndex: number;
  /** Where the policy sits in its item (`[]`, or `['items', 2]` in a NetworkPolicyList). */
  readonly path: FieldPath;
  readonly podSelector: LabelSelector;
  readonly isolates: NetworkPolicyModel['isolates'];
  readonly ingress: readonly CompiledRule[];
  readonly egress: readonly CompiledRule[];
}

function fixedPorts(ports: RulePorts): ConnSet {
  if (ports.kind === 'any') return ALL_CONNS;
  let out = NO_CONNS;
  for (const entry of ports.ports) {
    if (entry.port.kind === 'all') out = union(out, allPorts(entry.protocol));
    else if (entry.port.kind === 'range') out = union(out, portRange(entry.protocol, entry.port.from, entry.port.to));
  }
  return out;
}

function compileRule(rule: PolicyRule, direction: Direction, index: number): CompiledRule | undefined {
  let peers: 'any' | CompiledPeer[] = 'any';
  if (rule.peers.kind === 'list') {
    peers = [];
    for (const [i, peer] of rule.peers.peers.entries()) {
      if (peer.kind === 'pods') {
        peers.push({ kind: 'pods', index: i, namespaces: peer.namespaces, pods: peer.pods });
        continue;
      }
      const block = parseIpBlock(peer.cidr, peer.except);
      if (block === undefined) return undefined;
      peers.push({ kind: 'ipBlock', index: i, block });
    }
  }
  const hasNamedPorts = rule.ports.kind === 'list' && rule.ports.ports.some((p) => p.port.kind === 'named');
  return { direction, index, peers, ports: rule.ports, fixedPorts: fixedPorts(rule.ports), hasNamedPorts };
}

/** Compiles a policy the reader accepted; `undefined` when an ipBlock is not a CIDR. */
export function compilePolicy(model: NetworkPolicyModel, itemIndex: number, path: FieldPath): CompiledPolicy | undefined {
  const ingress = model.ingress.map((rule, i) => compileRule(rule, 'ingress', i));
  const egress = model.egress.map((rule, i) => compileRule(rule, 'egress', i));
  if (ingress.includes(undefined) || egress.includes(undefined)) return undefined;
  return {
    name: model.name,
    namespace: model.namespace,
    itemIndex,
    path,
    podSelector: model.podSelector,
    isolates: model.isolates,
    ingress: ingress.filter((rule) => rule !== undefined),
    egress: egress.filter((rule) => rule !== undefined),
  };
}

/** The field path of a rule, or of one of its peers, inside the policy's item. */
export function rulePath(policy: CompiledPolicy, rule: CompiledRule, peerIndex?: number): FieldPath {
  const base = [...policy.path, 'spec', rule.direction, rule.index];
  if (peerIndex === undefined) return base;
  return [...base, rule.direction === 'ingress' ? 'from' : 'to', peerIndex];
}
