import type { Direction } from '../netpol/model';
import { selectorMatches } from '../netpol/selector';
import { bitset, hasBit, setBit, type BitSet } from './bitset';
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
  /** The classes a class's egress can reach at all; `undefined` when not limited to classes. */
  egressCandidates(source: number): BitSet | undefined;
  /** The classes a class's ingress admits at all; `undefined` when not limited to classes. */
  ingressCandidates(destination: number): BitSet | undefined;
}

/**
 * What one peer of one rule grants a selected class: the peer classes it admits (`all`
 * for a rule without peers), and the ports, or the rule when its named ports must be
 * resolved per destination (egress).
 */
interface Grant {
  readonly members: BitSet | 'all';
  conns: ConnSet;
  readonly named: CompiledRule[];
}

interface BlockGrant {
  readonly block: IpBlockRanges;
  readonly conns: ConnSet;
}

/** What the policies selecting one class allow in one direction (used only if isolated). */
interface Side {
  isolated: boolean;
  readonly grants: Grant[];
  /** Grants by member set, so equal peers (shared through the peer cache) merge. */
  readonly byMembers: Map<BitSet | 'all', Grant>;
  readonly blocks: BlockGrant[];
}

function newSide(): Side {
  return { isolated: false, grants: [], byMembers: new Map(), blocks: [] };
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

function rangeKey(range: IpRange | string): string {
  return typeof range === 'string' ? range : `${range.family}:${range.start}-${range.end}`;
}

function grant(side: Side, members: BitSet | 'all', conns: ConnSet, named: CompiledRule | undefined): void {
  if (isEmpty(conns) && named === undefined) return;
  let entry = side.byMembers.get(members);
  if (entry === undefined) {
    entry = { members, conns: NO_CONNS, named: [] };
    side.byMembers.set(members, entry);
    side.grants.push(entry);
  }
  entry.conns = union(entry.conns, conns);
  if (named !== undefined && !entry.named.includes(named)) entry.named.push(named);
}

/**
 * Builds the reachability. Each policy's pod selector and each distinct peer are matched
 * once against the classes (through a label index) into a bit set; a selected class keeps
 * one grant per distinct peer set. Building costs policies × selected classes × rules;
 * a pair costs the grants of its two sides.
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

  /** Classes a selector could match: the shortest posting list of its matchLabels, or a namespace's classes. */
  function candidates(matchLabels: Readonly<Record<string, string>>, namespace: string | undefined): readonly PodClass[] {
    let best: readonly PodClass[] | undefined = namespace === undefined ? undefined : byNamespace.get(namespace) ?? [];
    for (const [key, value] of Object.entries(matchLabels)) {
      const postings = byLabel.get(`${key}\u0000${value}`) ?? [];
      if (best === undefined || postings.length < best.length) best = postings;
    }
    return best ?? classes;
  }

  function toBits(found: readonly PodClass[]): BitSet {
    const bits = bitset(classes.length);
    for (const pods of found) setBit(bits, pods.id);
    return bits;
  }

  // Equal peers are common (the same selector in many policies): match each once.
  const peerByKey = new Map<string, BitSet>();
  const peerByObject = new Map<CompiledPeer, BitSet>();
  function peerMembers(peer: CompiledPeer, policy: CompiledPolicy): BitSet {
    const cached = peerByObject.get(peer);
    if (cached !== undefined) return cached;
    let key: string;
    if (peer.kind === 'ipBlock') key = ['ip', peer.block.cidr, ...peer.block.except].map(rangeKey).join('\u0000');
    else {
      const scope = peer.namespaces.kind === 'policy-namespace' ? `ns:${policy.namespace}` : `sel:${selectorKey(peer.namespaces.selector)}`;
      key = `${scope}\u0000${selectorKey(peer.pods)}`;
    }
    let members = peerByKey.get(key);
    if (members === undefined) {
      if (peer.kind === 'ipBlock') members = toBits(withIps.filter((pods) => peerMatchesPods(peer, policy, pods, true)));
      else {
        const namespace = peer.namespaces.kind === 'policy-namespace' ? policy.namespace : undefined;
        members = toBits(
          candidates(peer.pods.matchLabels, namespace).filter((pods) => scopeCovers(peer, policy, pods) && selectorMatches(peer.pods, pods.labels)),
        );
      }
      peerByKey.set(key, members);
    }
    peerByObject.set(peer, members);
    return members;
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

  function addIngress(side: Side, destination: PodClass, policy: CompiledPolicy): void {
    side.isolated = true;
    for (const rule of policy.ingress) {
      // Ingress ports name the selected pod's own ports: resolved here, once.
      const conns = rulePortsFor(rule, destination);
      if (isEmpty(conns)) continue;
      if (rule.peers === 'any') {
        grant(side, 'all', conns, undefined);
        continue;
      }
      for (const peer of rule.peers) {
        if (peer.kind === 'ipBlock') side.blocks.push({ block: peer.block, conns });
        if (peer.kind === 'pods' || withIps.length > 0) grant(side, peerMembers(peer, policy), conns, undefined);
      }
    }
  }

  function addEgress(side: Side, policy: CompiledPolicy): void {
    side.isolated = true;
    for (const rule of policy.egress) {
      const named = rule.hasNamedPorts ? rule : undefined;
      if (rule.peers === 'any') {
        grant(side, 'all', rule.fixedPorts, named);
        continue;
      }
      for (const peer of rule.peers) {
        if (peer.kind === 'ipBlock') side.blocks.push({ block: peer.block, conns: rule.fixedPorts });
        if (peer.kind === 'pods' || withIps.length > 0) grant(side, peerMembers(peer, policy), rule.fixedPorts, named);
      }
    }
  }

  function podsAllowed(side: Side, peer: number, destination: PodClass): ConnSet {
    let out = NO_CONNS;
    for (const entry of side.grants) {
      if (entry.members !== 'all' && !hasBit(entry.members, peer)) continue;
      out = union(out, entry.conns);
      for (const rule of entry.named) out = union(out, rulePortsFor(rule, destination));
    }
    return out;
  }

  /** The union of a side's peer sets: only these classes can get anything through it. */
  function candidateClasses(side: Side): BitSet | undefined {
    if (!side.isolated) return undefined;
    const all = bitset(classes.length);
    for (const entry of side.grants) {
      if (entry.members === 'all') return undefined;
      for (let i = 0; i < all.length; i++) all[i]! |= entry.members[i]!;
    }
    return all;
  }

  /** External peers: rules without peers (numeric ports only) and the ipBlocks holding the atom. */
  function externalAllowed(side: Side, range: IpRange): ConnSet {
    let out = side.byMembers.get('all')?.conns ?? NO_CONNS;
    for (const entry of side.blocks) if (blockAdmits(entry.block, range)) out = union(out, entry.conns);
    return out;
  }

  return {
    index,
    ingressAtoms: atomsFor(inventory.policies, 'ingress'),
    egressAtoms: atomsFor(inventory.policies, 'egress'),
    podToPod(source, destination) {
      const out = egress[source]!;
      const into = ingress[destination]!;
      const target = classes[destination]!;
      const allowed = out.isolated ? podsAllowed(out, destination, target) : ALL_CONNS;
      if (isEmpty(allowed) || !into.isolated) return allowed;
      return intersect(allowed, podsAllowed(into, source, target));
    },
    externalToPod(range, destination) {
      const into = ingress[destination]!;
      return into.isolated ? externalAllowed(into, range) : ALL_CONNS;
    },
    podToExternal(source, range) {
      const out = egress[source]!;
      return out.isolated ? externalAllowed(out, range) : ALL_CONNS;
    },
    isolated(classId, direction) {
      return (direction === 'ingress' ? ingress : egress)[classId]?.isolated ?? false;
    },
    egressCandidates: (source) => candidateClasses(egress[source]!),
    ingressCandidates: (destination) => candidateClasses(ingress[destination]!),
  };
}
