/**
 * The NetworkPolicy model, saying what Kubernetes says: an absent selector is not an
 * empty one, a rule that lists no peers is not a rule that lists an empty set.
 */

export type SelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** One `matchExpressions` entry. */
export interface LabelRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values: readonly string[];
}

/** A label selector; both parts empty selects everything. */
export interface LabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly LabelRequirement[];
}

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

/** Which ports of one protocol a `ports[]` entry opens. */
export type PortMatch =
  | { readonly kind: 'all' }
  | { readonly kind: 'range'; readonly from: number; readonly to: number }
  | { readonly kind: 'named'; readonly name: string };

/** One `ports[]` entry after defaulting (protocol TCP when absent). */
export interface PolicyPort {
  readonly protocol: Protocol;
  readonly port: PortMatch;
}

/** Which namespaces a pod peer reaches into. */
export type NamespaceScope =
  /** No namespaceSelector: the policy's own namespace. */
  | { readonly kind: 'policy-namespace' }
  /** A namespaceSelector (`{}` = every namespace). */
  | { readonly kind: 'selector'; readonly selector: LabelSelector };

/** One `from[]`/`to[]` entry. */
export type Peer =
  | {
      readonly kind: 'pods';
      readonly namespaces: NamespaceScope;
      /** podSelector, or `{}` when only a namespaceSelector was given (all pods there). */
      readonly pods: LabelSelector;
    }
  | { readonly kind: 'ipBlock'; readonly cidr: string; readonly except: readonly string[] };

/**
 * The peers of a rule. Kubernetes treats a missing and an empty `from`/`to` alike (every
 * peer); `written` keeps which one the author wrote, for lint messages.
 */
export type RulePeers =
  | { readonly kind: 'any'; readonly written: 'absent' | 'empty' }
  | { readonly kind: 'list'; readonly peers: readonly Peer[] };

/** The ports of a rule: a missing or empty `ports` opens every port. */
export type RulePorts =
  | { readonly kind: 'any'; readonly written: 'absent' | 'empty' }
  | { readonly kind: 'list'; readonly ports: readonly PolicyPort[] };

/** One ingress or egress rule. */
export interface PolicyRule {
  readonly peers: RulePeers;
  readonly ports: RulePorts;
}

export type Direction = 'ingress' | 'egress';

/** A NetworkPolicy with policyTypes defaulted as the API server defaults them. */
export interface NetworkPolicyModel {
  readonly name: string;
  /** Namespace from metadata, or the default the caller chose for namespace-less items. */
  readonly namespace: string;
  readonly namespaceWritten: boolean;
  readonly podSelector: LabelSelector;
  /** Effective isolation per direction (after `policyTypes` defaulting). */
  readonly isolates: { readonly ingress: boolean; readonly egress: boolean };
  /** Whether `policyTypes` was written (non-empty) by the author. */
  readonly policyTypesWritten: boolean;
  readonly ingress: readonly PolicyRule[];
  readonly egress: readonly PolicyRule[];
}
