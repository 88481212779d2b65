import type { LabelSelector } from '../netpol/model';
import { selectorMatches } from '../netpol/selector';
import type { PodClass } from './classes';
import { portRange, union, type ConnSet } from './conns';
import { blockAdmits, type IpRange } from './ipranges';
import type { CompiledPeer, CompiledPolicy, CompiledRule } from './policies';

/** Whether a policy selects the pods of a class (its namespace, its podSelector). */
export function policySelects(policy: CompiledPolicy, pods: PodClass): boolean {
  return policy.namespace === pods.namespace.name && selectorMatches(policy.podSelector, pods.labels);
}

/** Whether a namespace scope of a peer covers the class's namespace. */
export function scopeCovers(peer: CompiledPeer & { kind: 'pods' }, policy: CompiledPolicy, pods: PodClass): boolean {
  return peer.namespaces.kind === 'policy-namespace'
    ? pods.namespace.name === policy.namespace
    : selectorMatches(peer.namespaces.selector, pods.namespace.labels);
}

/**
 * Whether a peer admits the pods of a class: namespace scope AND podSelector, or (when
 * ipBlocks match pod IPs) an ipBlock that holds every IP the class's pods have.
 */
export function peerMatchesPods(peer: CompiledPeer, policy: CompiledPolicy, pods: PodClass, ipBlocksMatchPods: boolean): boolean {
  if (peer.kind === 'pods') return scopeCovers(peer, policy, pods) && selectorMatches(peer.pods, pods.labels);
  return ipBlocksMatchPods && pods.ips.length > 0 && pods.ips.every((ip) => blockAdmits(peer.block, ip));
}

/** Whether a peer admits an external range (an atom: wholly inside or outside each block). */
export function peerAdmitsRange(peer: CompiledPeer, range: IpRange): boolean {
  return peer.kind === 'ipBlock' && blockAdmits(peer.block, range);
}

/**
 * The ports a rule opens towards a destination: numeric ports as written, named ports
 * resolved against the destination pod's container ports of the same protocol (a name
 * the pod does not declare, or declares for another protocol, opens nothing; an
 * external destination has no names).
 */
export function rulePortsFor(rule: CompiledRule, destination: PodClass | undefined): ConnSet {
  if (!rule.hasNamedPorts || destination === undefined || rule.ports.kind !== 'list') return rule.fixedPorts;
  let out = rule.fixedPorts;
  for (const entry of rule.ports.ports) {
    if (entry.port.kind !== 'named') continue;
    const name = entry.port.name;
    for (const declared of destination.ports) {
      if (declared.name === name && declared.protocol === entry.protocol) {
        out = union(out, portRange(entry.protocol, declared.port, declared.port));
      }
    }
  }
  return out;
}

/** A stable text key for a selector, to share work between equal selectors. */
export function selectorKey(selector: LabelSelector): string {
  return JSON.stringify([Object.entries(selector.matchLabels).sort(), selector.matchExpressions]);
}
