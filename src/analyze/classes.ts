import type { Labels } from '../netpol/selector';
import type { ContainerPort, NamespaceInfo } from '../netpol/workload';
import { implicitNamespace } from '../netpol/workload';
import type { AnalysisWorkload, Inventory } from './inventory';
import type { IpRange } from './ipranges';

/** Options that change what the analysis concludes. */
export interface AnalysisOptions {
  /** Whether ipBlock peers also match pods whose IP they contain (CNI-dependent). */
  readonly ipBlocksMatchPods: boolean;
}

/**
 * Pods that no policy can tell apart: same namespace, labels and declared ports (and,
 * when ipBlocks match pod IPs, same IPs). Every question is answered once per class.
 */
export interface PodClass {
  readonly id: number;
  readonly namespace: NamespaceInfo;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
  readonly ips: readonly IpRange[];
  /** Indexes into the inventory's workloads. */
  readonly workloads: number[];
}

/** The classes, and for each workload the id of its class. */
export interface ClassIndex {
  readonly classes: readonly PodClass[];
  readonly workloadClass: readonly number[];
}

function sortedEntries(labels: Labels): [string, string][] {
  return Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function classKey(workload: AnalysisWorkload, withIps: boolean): string {
  const ports = workload.ports.map((p) => `${p.name ?? ''}:${p.port}/${p.protocol}`).sort();
  const ips = withIps ? workload.ips.map((ip) => `${ip.family}:${ip.start}`).sort() : [];
  return JSON.stringify([workload.namespace, sortedEntries(workload.labels), ports, ips]);
}

/** Groups the inventory's workloads into classes. */
export function buildClasses(inventory: Inventory, options: AnalysisOptions): ClassIndex {
  const byKey = new Map<string, PodClass>();
  const classes: PodClass[] = [];
  const workloadClass = inventory.workloads.map((workload, i) => {
    const key = classKey(workload, options.ipBlocksMatchPods);
    let found = byKey.get(key);
    if (found === undefined) {
      found = {
        id: classes.length,
        namespace: inventory.namespaces.get(workload.namespace) ?? implicitNamespace(workload.namespace),
        labels: workload.labels,
        ports: workload.ports,
        ips: options.ipBlocksMatchPods ? workload.ips : [],
        workloads: [],
      };
      byKey.set(key, found);
      classes.push(found);
    }
    found.workloads.push(i);
    return found.id;
  });
  return { classes, workloadClass };
}
