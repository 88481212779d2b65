import type { Direction } from '../netpol/model';
import { selectorMatches } from '../netpol/selector';
import type { AnalysisOptions, ClassIndex, PodClass } from './classes';
import { ALL_CONNS, NO_CONNS, isEmpty, intersect, union, type ConnSet } from './conns';
import type { Inventory } from './inventory';
import { blockAdmits, familySpace, splitAtoms, type IpBlockRanges, type IpRange } from './ipranges';
import { peerMatchesPods, rulePortsFor, scopeCovers, selectorKey } from './match';
import type { CompiledPeer, CompiledPolicy, CompiledRule } from './policies';

/** Reachability between pod classes and external ranges, precomputed per class. */
export interface Reachability {
  readonly index: ClassIndex;
  /** External sources, split at every ingress ipBlock boundary. */
  readonly ingressAtoms: readonly IpRange[];
  /** External destinations, split at every egress ipBlock boundary. */
  readonly egressAtoms: readonly IpRange[];
  podToPod(source: number, destination: number): ConnSet;
  externalToPod(range: IpRange, destination: number): ConnSet;
  podToExternal(source: number, range: IpRange): ConnSet;
  /** Whether some policy isolates the class in that direction. */
  isolated(classId: number, direction: Direction): boolean;
}

interface BlockGrant {
  readonly block: IpBlockRanges;
  readonly conns: ConnSet;
}

/** What the policies selecting one class allow in one direction (only used if isolated). */
interface Side {
  isolated: boolean;
  /** Peer class id → connections (ingress: from that source; egress: to that destination). */
  readonly byClass: Map<number, ConnSet>;
  /** Rules that admit every peer, ports already fixed. */
  any: ConnSet;
  /** Egress rules that admit every peer but name ports: resolved per destination. */
  readonly anyNamed: CompiledRule[];
  readonly blocks: BlockGrant[];
}

function newSide(): Side {
  return { isolated: false, byClass: new Map(), any: NO_CONNS, anyNamed: [], blocks: [] };
}

function atomsFor(policies: readonly CompiledPolicy[], direction: Direction): IpRange[] {
  const bounds: IpRange[] = [];
  for (const policy of policies) {
    if (!policy.isolates[direction]) continue;
    for (const rule of policy[direction]) {
      if (rule.peers === 'any') continue;
      for (const peer of rule.peers) if (peer.kind === 'ipBlock') bounds.push(peer.block.cidr, ...peer.block.except);
    }
  }
  const atoms = splitAtoms(familySpace(4), bounds);
  if (bounds.some((range) => range.family === 6)) atoms.push(...splitAtoms(familySpace(6), bounds));
  return atoms;
}

/**
 * Builds the reachability: each policy's pod selector and each peer are evaluated once
 * against the classes (through a label index), so the work grows with the policies times
 * the classes they touch, not with every pair of pods.
 */
export function computeReachability(inventory: Inventory, index: ClassIndex, options: AnalysisOptions): Reachability {
  const { classes } = index;
  const byNamespace = new Map<string, PodClass[]>();
  const byLabel = new Map<string, PodClass[]>();
  for (const pods of classes) {
    const list = byNamespace.get(pods.namespace.name) ?? [];
    list.push(pods);
    byNamespace.set(pods.namespace.name, list);
    for (const [key, value] of Object.entries(pods.labels)) {
      const postings = byLabel.get(`${key}\u0000${value}`) ?? [];
      postings.push(pods);
      byLabel.set(`${key}\u0000${value}`, postings);
    }
  }
  const withIps = options.ipBlocksMatchPods ? classes.filter((pods) => pods.ips.length > 0) : [];

  /** Classes a podSelector-like test could match: the shortest posting list, or a namespace. */
  function candidates(matchLabels: Readonly<Record<string, string>>, namespace: string | undefined): readonly PodClass[] {
    let best: readonly PodClass[] | undefined = namespace === undefined ? undefined : byNamespace.get(namespace) ?? [];
    for (const [key, value] of Object.entries(matchLabels)) {
      const postings = byLabel.get(`${key}\u0000${value}`) ?? [];
      if (best === undefined || postings.length < best.length) best = postings;
    }
    return best ?? classes;
  }

  const peerCache = new Map<CompiledPeer, readonly PodClass[]>();
  function peerClasses(peer: CompiledPeer, policy: CompiledPolicy): readonly PodClass[] {
    const cached = peerCache.get(peer);
    if (cached !== undefined) return cached;
    let found: readonly PodClass[];
    if (peer.kind === 'ipBlock') found = withIps.filter((pods) => peerMatchesPods(peer, policy, pods, true));
    else {
      const namespace = peer.namespaces.kind === 'policy-namespace' ? policy.namespace : undefined;
      found = candidates(peer.pods.matchLabels, namespace).filter(
        (pods) => scopeCovers(peer, policy, pods) && selectorMatches(peer.pods, pods.labels),
      );
    }
    peerCache.set(peer, found);
    return found;
  }

  const ingress = classes.map(newSide);
  const egress = classes.map(newSide);
  const selectedCache = new Map<string, readonly PodClass[]>();
  for (const policy of inventory.policies) {
    if (!policy.isolates.ingress && !policy.isolates.egress) continue;
    const key = `${policy.namespace}\u0000${selectorKey(policy.podSelector)}`;
    let selected = selectedCache.get(key);
    if (selected === undefined) {
      selected = candidates(policy.podSelector.matchLabels, policy.namespace).filter(
        (pods) => pods.namespace.name === policy.namespace && selectorMatches(policy.podSelector, pods.labels),
      );
      selectedCache.set(key, selected);
    }
    for (const pods of selected) {
      if (policy.isolates.ingress) addIngress(ingress[pods.id]!, pods, policy);
      if (policy.isolates.egress) addEgress(egress[pods.id]!, policy);
    }
  }

  function grant(side: Side, peer: number, conns: ConnSet): void {
    if (isEmpty(conns)) return;
    side.byClass.set(peer, union(side.byClass.get(peer) ?? NO_CONNS, conns));
  }

  function addIngress(side: Side, destination: PodClass, policy: CompiledPolicy): void {
    side.isolated = true;
    for (const rule of policy.ingress) {
      const conns = rulePortsFor(rule, destination);
      if (isEmpty(conns)) continue;
      if (rule.peers === 'any') {
        side.any = union(side.any, conns);
        continue;
      }
      for (const peer of rule.peers) {
        if (peer.kind === 'ipBlock') side.blocks.push({ block: peer.block, conns });
        for (const source of peerClasses(peer, policy)) grant(side, source.id, conns);
      }
    }
  }

  function addEgress(side: Side, policy: CompiledPolicy): void {
    side.isolated = true;
    for (const rule of policy.egress) {
      if (rule.peers === 'any') {
        side.any = union(side.any, rule.fixedPorts);
        if (rule.hasNamedPorts) side.anyNamed.push(rule);
        continue;
      }
      for (const peer of rule.peers) {
        if (peer.kind === 'ipBlock') side.blocks.push({ block: peer.block, conns: rule.fixedPorts });
        for (const destination of peerClasses(peer, policy)) grant(side, destination.id, rulePortsFor(rule, destination));
      }
    }
  }

  function blocksFor(side: Side, range: IpRange): ConnSet {
    let out = side.any;
    for (const entry of side.blocks) if (blockAdmits(entry.block, range)) out = union(out, entry.conns);
    return out;
  }

  return {
    index,
    ingressAtoms: atomsFor(inventory.policies, 'ingress'),
    egressAtoms: atomsFor(inventory.policies, 'egress'),
    podToPod(source, destination) {
      const out = egress[source]!;
      let allowed = ALL_CONNS;
      if (out.isolated) {
        allowed = union(out.byClass.get(destination) ?? NO_CONNS, out.any);
        for (const rule of out.anyNamed) allowed = union(allowed, rulePortsFor(rule, classes[destination]));
        if (isEmpty(allowed)) return NO_CONNS;
      }
      const into = ingress[destination]!;
      return into.isolated ? intersect(allowed, union(into.byClass.get(source) ?? NO_CONNS, into.any)) : allowed;
    },
    externalToPod(range, destination) {
      const into = ingress[destination]!;
      return into.isolated ? blocksFor(into, range) : ALL_CONNS;
    },
    podToExternal(source, range) {
      const out = egress[source]!;
      return out.isolated ? blocksFor(out, range) : ALL_CONNS;
    },
    isolated(classId, direction) {
      return (direction === 'ingress' ? ingress : egress)[classId]?.isolated ?? false;
    },
  };
}
