import type { DnsConfig } from '../../config/sections/dns';
import type { NetworkPolicyModel, Peer, PolicyRule, Protocol } from '../../netpol/model';
import { selectorMatches, type Labels } from '../../netpol/selector';

/** Where the cluster DNS runs: its namespace's labels and its pods' labels. */
export interface DnsTarget {
  readonly namespace: string;
  readonly namespaceLabels: Labels;
  readonly podLabels: Labels;
}

/** The DNS target of the config, with the labels of its Namespace when the list has one. */
export function dnsTarget(config: DnsConfig, namespaceLabels: Labels): DnsTarget {
  return { namespace: config.namespace, namespaceLabels, podLabels: config.podLabels };
}

function peerReachesDns(peer: Peer, policyNamespace: string, dns: DnsTarget): boolean {
  // An ipBlock never counts: pod IPs are not stable, so it cannot be shown to reach DNS.
  if (peer.kind === 'ipBlock') return false;
  const inNamespace =
    peer.namespaces.kind === 'policy-namespace'
      ? policyNamespace === dns.namespace
      : selectorMatches(peer.namespaces.selector, dns.namespaceLabels);
  return inNamespace && selectorMatches(peer.pods, dns.podLabels);
}

function ruleOpensDns(rule: PolicyRule, protocol: Protocol, policyNamespace: string, dns: DnsTarget): boolean {
  const reaches = rule.peers.kind === 'any' || rule.peers.peers.some((peer) => peerReachesDns(peer, policyNamespace, dns));
  if (!reaches) return false;
  if (rule.ports.kind === 'any') return true;
  // A named port cannot be resolved without the DNS pods' spec: it does not count.
  return rule.ports.ports.some(
    ({ protocol: p, port }) => p === protocol && (port.kind === 'all' || (port.kind === 'range' && port.from <= 53 && 53 <= port.to)),
  );
}

/** The DNS protocols (UDP, TCP) this policy's egress rules do not open to the cluster DNS. */
export function missingDnsProtocols(policy: NetworkPolicyModel, dns: DnsTarget): Protocol[] {
  return (['UDP', 'TCP'] as const).filter(
    (protocol) => !policy.egress.some((rule) => ruleOpensDns(rule, protocol, policy.namespace, dns)),
  );
}
