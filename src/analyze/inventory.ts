import type { Finding } from '../krm/finding';
import type { Item } from '../krm/item';
import type { FieldPath } from '../krm/path';
import { readNetworkPolicy } from '../netpol/read';
import type { NamespaceInfo, Workload } from '../netpol/workload';
import { implicitNamespace, readNamespace, readWorkload, WORKLOAD_KINDS } from '../netpol/workload';
import { workloadOfItem } from '../netpol/workload-lines';
import { flattenItems } from './flatten';
import { parseAddressOrCidr, type IpRange } from './ipranges';
import { compilePolicy, type CompiledPolicy } from './policies';
import { isMapping } from '../krm/path';

/** Namespace of objects that do not name one (what `kubectl apply` would use). */
export const DEFAULT_NAMESPACE = 'default';

/** A workload as the analysis sees it: where it was read from and its pods' IPs. */
export interface AnalysisWorkload extends Workload {
  readonly itemIndex: number;
  readonly path: FieldPath;
  /** Pod IPs from `status.podIP(s)` (Pods only); used when ipBlocks match pod IPs. */
  readonly ips: readonly IpRange[];
}

/** Everything the analysis reads from the input list. */
export interface Inventory {
  readonly workloads: readonly AnalysisWorkload[];
  /** Every namespace defined or referenced, by name. */
  readonly namespaces: ReadonlyMap<string, NamespaceInfo>;
  readonly policies: readonly CompiledPolicy[];
  /** Policies the analysis had to ignore, as findings. */
  readonly findings: readonly Finding[];
}

/** Stable id of the finding for a policy the analysis ignored. */
export const IGNORED_POLICY_RULE = 'netpol/analysis-ignored-policy';

/**
 * A Pod is reported under its controller (`ReplicaSet`, `DaemonSet`, `Job`...) as
 * np-guard's connlist does, so replicas collapse into one line; static pods (owned by a
 * Node) and bare pods keep their own name.
 */
function podOwner(value: unknown): { kind: string; name: string } | undefined {
  const metadata = isMapping(value) ? value.metadata : undefined;
  const owners = isMapping(metadata) && Array.isArray(metadata.ownerReferences) ? metadata.ownerReferences : [];
  for (const owner of owners) {
    if (!isMapping(owner) || owner.controller !== true) continue;
    if (typeof owner.kind !== 'string' || typeof owner.name !== 'string' || owner.name === '') continue;
    return owner.kind === 'Node' ? undefined : { kind: owner.kind, name: owner.name };
  }
  return undefined;
}

function podIps(value: unknown): IpRange[] {
  const status = isMapping(value) ? value.status : undefined;
  if (!isMapping(status)) return [];
  const texts = new Set<string>();
  if (typeof status.podIP === 'string') texts.add(status.podIP);
  if (Array.isArray(status.podIPs)) {
    for (const entry of status.podIPs) if (isMapping(entry) && typeof entry.ip === 'string') texts.add(entry.ip);
  }
  return [...texts].flatMap((text) => {
    const range = parseAddressOrCidr(text);
    return range !== undefined && range.start === range.end ? [range] : [];
  });
}

/** Reads workloads, namespaces and policies (flattening `*List` items first). */
export function readInventory(items: readonly Item[]): Inventory {
  const workloads = new Map<string, AnalysisWorkload>();
  const namespaces = new Map<string, NamespaceInfo>();
  const policies: CompiledPolicy[] = [];
  const findings: Finding[] = [];
  for (const object of flattenItems(items)) {
    if (object.kind === 'Namespace') {
      const namespace = readNamespace(object.value);
      if (namespace !== undefined) namespaces.set(namespace.name, namespace);
    } else if (object.kind === 'NetworkPolicy') {
      const model = readNetworkPolicy(object.value, DEFAULT_NAMESPACE);
      const compiled = model === undefined ? undefined : compilePolicy(model, object.itemIndex, object.path);
      if (compiled !== undefined) policies.push(compiled);
      else
        findings.push({
          ruleId: IGNORED_POLICY_RULE,
          severity: 'warning',
          message: 'the connectivity analysis ignores this NetworkPolicy: the API server would reject it (see the validation results)',
          itemIndex: object.itemIndex,
          path: object.path,
        });
    } else if (WORKLOAD_KINDS.includes(object.kind)) {
      const read = object.item !== undefined ? workloadOfItem(object.item, DEFAULT_NAMESPACE) : readWorkload(object.kind, object.value, DEFAULT_NAMESPACE);
      if (read === undefined) continue;
      const owner = object.kind === 'Pod' ? podOwner(object.value) : undefined;
      const workload: AnalysisWorkload = {
        ...read,
        ...(owner ?? {}),
        itemIndex: object.itemIndex,
        path: object.path,
        ips: object.kind === 'Pod' ? podIps(object.value) : [],
      };
      // Replicas of one controller are one workload: the first pod stands for them (its
      // labels and ports); their IPs are pooled.
      const key = `${workload.namespace}/${workload.kind}/${workload.name}`;
      const first = workloads.get(key);
      workloads.set(key, first === undefined ? workload : { ...first, ips: [...first.ips, ...workload.ips] });
    }
  }
  const list = [...workloads.values()];
  for (const name of [...list.map((w) => w.namespace), ...policies.map((p) => p.namespace)]) {
    if (!namespaces.has(name)) namespaces.set(name, implicitNamespace(name));
  }
  return { workloads: list, namespaces, policies, findings };
}
