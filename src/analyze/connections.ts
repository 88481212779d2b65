import { isEmpty, type ConnSet } from './conns';
import type { Reachability } from './engine';
import type { AnalysisWorkload, Inventory } from './inventory';
import { formatRange, type IpRange } from './ipranges';

/** One end of a connection: a workload, or a range of external addresses. */
export type Endpoint =
  | { readonly kind: 'workload'; readonly workload: AnalysisWorkload }
  | { readonly kind: 'external'; readonly range: IpRange };

/** An allowed connection: source, destination and the protocols and ports open. */
export interface Connection {
  readonly source: Endpoint;
  readonly destination: Endpoint;
  readonly conns: ConnSet;
}

/** `<ns>/<name>[<Kind>]` or `a.b.c.d-e.f.g.h[External]`, as np-guard's connlist names peers. */
export function endpointLabel(endpoint: Endpoint): string {
  return endpoint.kind === 'workload'
    ? `${endpoint.workload.namespace}/${endpoint.workload.name}[${endpoint.workload.kind}]`
    : `${formatRange(endpoint.range)}[External]`;
}

function byLabel(a: { key: string }, b: { key: string }): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Every allowed connection, sorted by source then destination label (byte order). A
 * workload to itself and external to external are left out, as in np-guard's connlist.
 */
export function listConnections(inventory: Inventory, reach: Reachability): Connection[] {
  const { classes } = reach.index;
  const out: { key: string; connection: Connection }[] = [];
  const push = (source: Endpoint, destination: Endpoint, conns: ConnSet): void => {
    if (isEmpty(conns)) return;
    out.push({ key: `${endpointLabel(source)}\u0000${endpointLabel(destination)}`, connection: { source, destination, conns } });
  };
  const workloadsOf = (classId: number): Endpoint[] =>
    classes[classId]!.workloads.map((i) => ({ kind: 'workload', workload: inventory.workloads[i]! }));
  const endpoints = classes.map((pods) => workloadsOf(pods.id));
  for (const source of classes) {
    for (const destination of classes) {
      const conns = reach.podToPod(source.id, destination.id);
      if (isEmpty(conns)) continue;
      for (const from of endpoints[source.id]!) {
        for (const to of endpoints[destination.id]!) if (from !== to) push(from, to, conns);
      }
    }
  }
  for (const pods of classes) {
    for (const range of reach.ingressAtoms) {
      const conns = reach.externalToPod(range, pods.id);
      for (const to of endpoints[pods.id]!) push({ kind: 'external', range }, to, conns);
    }
    for (const range of reach.egressAtoms) {
      const conns = reach.podToExternal(pods.id, range);
      for (const from of endpoints[pods.id]!) push(from, { kind: 'external', range }, conns);
    }
  }
  return out.sort(byLabel).map((entry) => entry.connection);
}
