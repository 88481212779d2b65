/**
 * Canonical keys that decide when two peer sets are "the same" for merging: written forms
 * that Kubernetes reads alike get the same key (`matchLabels: {a: b}` and `a In [b]`, any
 * order of peers, requirements or values), so merging stays idempotent after hardening.
 */
import type { LabelSelector, Peer, PolicyPort, RulePeers } from '../../netpol/model';

/** Key of a selector: its requirements, labels read as `In`, sorted and de-duplicated. */
export function selectorKey(selector: LabelSelector): string {
  const terms = new Set<string>();
  for (const [key, value] of Object.entries(selector.matchLabels)) terms.add(JSON.stringify([key, 'In', [value]]));
  for (const { key, operator, values } of selector.matchExpressions)
    terms.add(JSON.stringify([key, operator, [...new Set(values)].sort()]));
  return [...terms].sort().join(',');
}

function peerKey(peer: Peer): string {
  if (peer.kind === 'ipBlock') return `ip:${peer.cidr}:${[...new Set(peer.except)].sort().join(',')}`;
  const namespaces = peer.namespaces.kind === 'policy-namespace' ? 'own' : `ns{${selectorKey(peer.namespaces.selector)}}`;
  return `${namespaces}:pods{${selectorKey(peer.pods)}}`;
}

/** Key of a rule's peer set; every "any peer" form (absent, `[]`, null) is one key. */
export function peersKey(peers: RulePeers): string {
  if (peers.kind === 'any') return '*';
  return [...new Set(peers.peers.map(peerKey))].sort().join('|');
}

/** Whether an existing port entry already opens everything the wanted one opens. */
export function portCovers(existing: PolicyPort, wanted: PolicyPort): boolean {
  if (existing.protocol !== wanted.protocol) return false;
  const have = existing.port;
  const want = wanted.port;
  if (have.kind === 'all') return true;
  if (have.kind === 'named') return want.kind === 'named' && have.name === want.name;
  if (want.kind !== 'range') return false;
  return have.from <= want.from && want.to <= have.to;
}

/** A port as results name it: `TCP 5432`, `TCP 9092-9094`, `UDP dns`, `SCTP (every port)`. */
export function describePort({ protocol, port }: PolicyPort): string {
  if (port.kind === 'all') return `${protocol} (every port)`;
  if (port.kind === 'named') return `${protocol} ${port.name}`;
  return port.from === port.to ? `${protocol} ${port.from}` : `${protocol} ${port.from}-${port.to}`;
}
