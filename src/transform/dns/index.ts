/**
 * The `dns` transform: every policy that isolates egress gets UDP and TCP 53 to the cluster
 * DNS unless it already lets both out (UDP alone is the trap: resolvers fall back to TCP).
 */
import type { Finding } from '../../krm/finding';
import type { Item } from '../../krm/item';
import { readNetworkPolicy } from '../../netpol/read';
import type { Labels } from '../../netpol/selector';
import { implicitNamespace, readNamespace } from '../../netpol/workload';
import type { DnsConfig } from '../../config/sections/dns';
import { current } from '../edit';
import { mergeEgressRule, type EgressRule } from '../egress/merge';
import { isNetworkPolicy } from '../policies';
import type { Transform } from '../types';
import { dnsTarget, missingDnsProtocols, type DnsTarget } from './covers';

/** Result id of DNS access the transform added. */
export const DNS_RULE_ID = 'netpol-guard/dns-ensure';

/** `dns.ensure`: DNS egress for every egress-isolated policy. */
export const dnsTransform: Transform = {
  id: 'dns',
  enabled: (config) => config.dns.ensure,
  run: ({ items, config }) => items.filter(isNetworkPolicy).flatMap((item) => ensureDns(item, items, config.dns)),
};

/** Adds the DNS access `policy` lacks; `items` supply the DNS Namespace's labels. */
export function ensureDns(policy: Item, items: readonly Item[], config: DnsConfig): Finding[] {
  return ensure(policy, config, dnsTarget(config, namespaceLabels(items, config.namespace)));
}

function namespaceLabels(items: readonly Item[], name: string): Labels {
  const declared = items.find((item) => item.ref.kind === 'Namespace' && item.ref.apiVersion === 'v1' && item.ref.name === name);
  return ((declared === undefined ? undefined : readNamespace(declared.value)) ?? implicitNamespace(name)).labels;
}

function ensure(item: Item, config: DnsConfig, target: DnsTarget): Finding[] {
  const policy = readNetworkPolicy(current(item), item.ref.namespace ?? '');
  // Invalid policies are validation's; policies that do not isolate egress already let DNS out.
  if (policy === undefined || !policy.isolates.egress) return [];
  const missing = missingDnsProtocols(policy, target);
  if (missing.length === 0) return [];
  const rule: EgressRule = {
    to: [
      {
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': config.namespace } },
        podSelector: { matchLabels: { ...config.podLabels } },
      },
    ],
    ports: missing.map((protocol) => ({ protocol, port: 53 })),
  };
  const subject =
    missing.length === 2 ? 'DNS' : missing[0] === 'TCP' ? 'DNS over TCP (UDP alone fails once answers fall back to TCP)' : 'DNS over UDP';
  return mergeEgressRule(item, rule, { ruleId: DNS_RULE_ID, subject, addEgressPolicyType: false });
}
