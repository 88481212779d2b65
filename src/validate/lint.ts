/** Helpers the lint rules share: walking rules and peers with their paths, ports, selection. */
import type { FieldPath } from '../krm/path';
import type { Direction, LabelSelector, NetworkPolicyModel, Peer, PolicyPort, PolicyRule, Protocol } from '../netpol/model';
import { isEverything, selectorMatches } from '../netpol/selector';
import type { Workload } from '../netpol/workload';
import type { ContextView, PolicyItem } from './context';

/** The peers key of a direction's rules. */
export const PEER_KEY: Readonly<Record<Direction, 'from' | 'to'>> = { ingress: 'from', egress: 'to' };

/** One rule of a policy with its path (`['spec', 'egress', 2]`). */
export interface RuleAt {
  readonly direction: Direction;
  readonly index: number;
  readonly rule: PolicyRule;
  readonly path: FieldPath;
}

/** Every rule of a policy, ingress first. */
export function rulesOf(model: NetworkPolicyModel): RuleAt[] {
  return (['ingress', 'egress'] as const).flatMap((direction) =>
    model[direction].map((rule, index) => ({ direction, index, rule, path: ['spec', direction, index] })),
  );
}

/** Every listed peer of a policy with its path. */
export function peersOf(model: NetworkPolicyModel): { peer: Peer; path: FieldPath; direction: Direction }[] {
  return rulesOf(model).flatMap(({ direction, rule, path }) =>
    rule.peers.kind === 'list'
      ? rule.peers.peers.map((peer, index) => ({ peer, path: [...path, PEER_KEY[direction], index], direction }))
      : [],
  );
}

/** Every listed port of a rule with its path. */
export function portsOf(at: RuleAt): { port: PolicyPort; path: FieldPath }[] {
  return at.rule.ports.kind === 'list' ? at.rule.ports.ports.map((port, index) => ({ port, path: [...at.path, 'ports', index] })) : [];
}

/** CoreDNS names its container ports `dns` (UDP) and `dns-tcp`. */
const DNS_PORT_NAMES = ['dns', 'dns-tcp'];

/** Whether a port entry opens DNS (port 53) on the protocol. */
export function portOpensDns(port: PolicyPort, protocol: Protocol): boolean {
  if (port.protocol !== protocol) return false;
  switch (port.port.kind) {
    case 'all':
      return true;
    case 'range':
      return port.port.from <= 53 && 53 <= port.port.to;
    case 'named':
      return DNS_PORT_NAMES.includes(port.port.name);
  }
}

/** Whether a rule lets DNS through on the protocol (a rule without ports opens every port). */
export function ruleOpensDns(rule: PolicyRule, protocol: Protocol): boolean {
  return rule.ports.kind === 'any' || rule.ports.ports.some((port) => portOpensDns(port, protocol));
}

const byNamespace = new WeakMap<ContextView, Map<string, Workload[]>>();
const selections = new WeakMap<NetworkPolicyModel, Workload[]>();

/** Workloads in a namespace (grouped once per view, so rules stay linear in the list). */
export function workloadsIn(view: ContextView, namespace: string): readonly Workload[] {
  let groups = byNamespace.get(view);
  if (groups === undefined) {
    groups = new Map();
    for (const workload of view.workloads) {
      const group = groups.get(workload.namespace);
      if (group === undefined) groups.set(workload.namespace, [workload]);
      else group.push(workload);
    }
    byNamespace.set(view, groups);
  }
  return groups.get(namespace) ?? [];
}

/** Workloads a policy selects (its namespace, its podSelector), computed once per policy. */
export function selectedWorkloads(view: ContextView, model: NetworkPolicyModel): readonly Workload[] {
  let selected = selections.get(model);
  if (selected === undefined) {
    selected = workloadsIn(view, model.namespace).filter((workload) => selectorMatches(model.podSelector, workload.labels));
    selections.set(model, selected);
  }
  return selected;
}

const peerSelections = new WeakMap<ContextView, Map<string, readonly Workload[]>>();

/**
 * Workloads in the list that a pod peer selects (an ipBlock peer selects none). Policies
 * repeat the same peers (kube-dns, the ingress controller), so answers are kept per view.
 */
export function peerWorkloads(view: ContextView, model: NetworkPolicyModel, peer: Peer): readonly Workload[] {
  if (peer.kind !== 'pods') return [];
  const scope = peer.namespaces;
  let cache = peerSelections.get(view);
  if (cache === undefined) peerSelections.set(view, (cache = new Map()));
  const scopeKey = scope.kind === 'policy-namespace' ? `ns:${model.namespace}` : `sel:${selectorKey(scope.selector)}`;
  const key = `${scopeKey}\u0000${selectorKey(peer.pods)}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const namespaces =
    scope.kind === 'policy-namespace'
      ? [model.namespace]
      : view.namespaces.filter((namespace) => selectorMatches(scope.selector, namespace.labels)).map((namespace) => namespace.name);
  const selected = namespaces.flatMap((namespace) => workloadsIn(view, namespace).filter((workload) => selectorMatches(peer.pods, workload.labels)));
  cache.set(key, selected);
  return selected;
}

const selectorKeys = new WeakMap<LabelSelector, string>();

/**
 * A string equal for equal selectors (labels in key order, expressions as written),
 * computed once per selector: rules compare selectors pairwise.
 */
export function selectorKey(selector: LabelSelector): string {
  let key = selectorKeys.get(selector);
  if (key === undefined) {
    const labels = Object.keys(selector.matchLabels)
      .sort()
      .map((name) => [name, selector.matchLabels[name]]);
    key = JSON.stringify([labels, selector.matchExpressions.map(({ key: name, operator, values }) => [name, operator, values])]);
    selectorKeys.set(selector, key);
  }
  return key;
}

/** JSON with object keys sorted (and `omit` keys left out), so equal values print equally. */
export function canonicalJson(value: unknown, omit: readonly string[] = []): string {
  // the native serializer with a sorting replacer: several times faster than building strings
  return (
    JSON.stringify(value, (key: string, entry: unknown) => {
      if (omit.includes(key)) return undefined;
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return entry === undefined ? null : entry;
      const sorted: Record<string, unknown> = Object.create(null);
      for (const name of Object.keys(entry).sort()) sorted[name] = (entry as Record<string, unknown>)[name];
      return sorted;
    }) ?? 'null'
  );
}

/**
 * Whether `other` certainly selects every pod `policy` selects: a select-all podSelector,
 * the same selector, or (when the list has the workloads) every selected workload.
 */
export function coversPods(view: ContextView, policy: PolicyItem, other: PolicyItem): boolean {
  if (other.model.namespace !== policy.model.namespace) return false;
  if (isEverything(other.model.podSelector)) return true;
  if (selectorKey(other.model.podSelector) === selectorKey(policy.model.podSelector)) return true;
  const selected = selectedWorkloads(view, policy.model);
  return selected.length > 0 && selected.every((workload) => selectorMatches(other.model.podSelector, workload.labels));
}

/** A selector in kubectl's label-selector syntax (`app=web,env in (dev,prod),!legacy`). */
export function selectorString(selector: LabelSelector): string {
  const terms = Object.keys(selector.matchLabels)
    .sort()
    .map((key) => `${key}=${selector.matchLabels[key]!}`);
  for (const { key, operator, values } of selector.matchExpressions) {
    if (operator === 'Exists') terms.push(key);
    else if (operator === 'DoesNotExist') terms.push(`!${key}`);
    else terms.push(`${key} ${operator === 'In' ? 'in' : 'notin'} (${[...values].sort().join(',')})`);
  }
  return terms.join(',');
}
