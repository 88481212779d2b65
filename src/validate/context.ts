/**
 * What several rules derive from the items (policies, workloads, namespaces, the
 * Kubernetes version), computed once per context.
 */
import type { Item } from '../krm/item';
import type { NetworkPolicyModel } from '../netpol/model';
import { readNetworkPolicy } from '../netpol/read';
import type { NamespaceInfo, Workload } from '../netpol/workload';
import { WORKLOAD_KINDS, implicitNamespace, readNamespace } from '../netpol/workload';
import { workloadOfItem } from '../netpol/workload-lines';
import type { KubeVersion } from './api/version';
import { DEFAULT_VERSION, parseKubeVersion } from './api/version';
import type { ValidateContext } from './types';

/** The namespace of items that do not name one (what `kubectl apply` without `-n` uses). */
export const DEFAULT_NAMESPACE = 'default';

/** The API group/version every Kubernetes NetworkPolicy check applies to. */
export const NETWORK_POLICY_API_VERSION = 'networking.k8s.io/v1';

/** A NetworkPolicy item the API server would accept, with its model. */
export interface PolicyItem {
  readonly item: Item;
  readonly model: NetworkPolicyModel;
}

/** The derived view of a context. */
export interface ContextView {
  /** `networking.k8s.io/v1` NetworkPolicy items, valid or not. */
  readonly policyItems: readonly Item[];
  /** The valid ones, modelled; lint rules only look at these. */
  readonly policies: readonly PolicyItem[];
  readonly workloads: readonly Workload[];
  /** Namespace items in the list (explicit ones only). */
  readonly namespaceItems: readonly NamespaceInfo[];
  /** Explicit namespaces plus the ones that policies and workloads live in. */
  readonly namespaces: readonly NamespaceInfo[];
  readonly version: KubeVersion;
}

const views = new WeakMap<ValidateContext, ContextView>();

/** Whether an item is a Kubernetes `networking.k8s.io/v1` NetworkPolicy. */
export function isNetworkPolicy(item: Item): boolean {
  return item.ref.kind === 'NetworkPolicy' && item.ref.apiVersion === NETWORK_POLICY_API_VERSION;
}

/** The derived view, computed on first use. */
export function viewOf(context: ValidateContext): ContextView {
  const cached = views.get(context);
  if (cached !== undefined) return cached;
  const policyItems = context.items.filter(isNetworkPolicy);
  const policies = policyItems.flatMap((item) => {
    const model = readNetworkPolicy(item.value, DEFAULT_NAMESPACE);
    return model === undefined ? [] : [{ item, model }];
  });
  const workloads = context.items.flatMap((item) => {
    if (!WORKLOAD_KINDS.includes(item.ref.kind)) return [];
    const workload = workloadOfItem(item, DEFAULT_NAMESPACE);
    return workload === undefined ? [] : [workload];
  });
  const namespaceItems = context.items.flatMap((item) => {
    if (item.ref.kind !== 'Namespace' || item.ref.apiVersion !== 'v1') return [];
    const namespace = readNamespace(item.value);
    return namespace === undefined ? [] : [namespace];
  });
  const named = new Set(namespaceItems.map((namespace) => namespace.name));
  const implicit = [...new Set([...policies.map((p) => p.model.namespace), ...workloads.map((w) => w.namespace)])]
    .filter((name) => !named.has(name))
    .map(implicitNamespace);
  const view: ContextView = {
    policyItems,
    policies,
    workloads,
    namespaceItems,
    namespaces: [...namespaceItems, ...implicit],
    version: parseKubeVersion(context.config.validation.kubernetesVersion) ?? DEFAULT_VERSION,
  };
  views.set(context, view);
  return view;
}
