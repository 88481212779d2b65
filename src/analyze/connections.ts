import { hasBit } from './bitset';
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

/** An endpoint with its label, computed once. */
interface Node {
  readonly endpoint: Endpoint;
  readonly label: string;
}

interface Row {
  readonly source: Node;
  readonly destination: Node;
  readonly conns: ConnSet;
}

function byLabels(a: Row, b: Row): number {
  if (a.source.label !== b.source.label) return a.source.label < b.source.label ? -1 : 1;
  return a.destination.label < b.destination.label ? -1 : a.destination.label > b.destination.label ? 1 : 0;
}

function node(endpoint: Endpoint): Node {
  return { endpoint, label: endpointLabel(endpoint) };
}

/**
 * Every allowed connection, sorted by source then destination label (byte order). Pairs
 * are evaluated per class, skipping classes that no rule of an isolated side names, then
 * expanded to workloads. A workload to itself and external to external are left out, as
 * in np-guard's connlist.
 */
export function listConnections(inventory: Inventory, reach: Reachability): Connection[] {
  const { classes } = reach.index;
  const members = classes.map((pods) => pods.workloads.map((i) => node({ kind: 'workload', workload: inventory.workloads[i]! })));
  const admits = classes.map((pods) => reach.ingressCandidates(pods.id));
  const rows: Row[] = [];
  for (const source of classes) {
    const reachable = reach.egressCandidates(source.id);
    for (const destination of classes) {
      if (reachable !== undefined && !hasBit(reachable, destination.id)) continue;
      const admitted = admits[destination.id];
      if (admitted !== undefined && !hasBit(admitted, source.id)) continue;
      const conns = reach.podToPod(source.id, destination.id);
      if (isEmpty(conns)) continue;
      for (const from of members[source.id]!) {
        for (const to of members[destination.id]!) if (from !== to) rows.push({ source: from, destination: to, conns });
      }
    }
  }
  const atoms = (ranges: readonly IpRange[]) => ranges.map((range) => ({ range, node: node({ kind: 'external', range }) }));
  const ingressAtoms = atoms(reach.ingressAtoms);
  const egressAtoms = atoms(reach.egressAtoms);
  for (const pods of classes) {
    for (const atom of ingressAtoms) {
      const conns = reach.externalToPod(atom.range, pods.id);
      if (!isEmpty(conns)) for (const to of members[pods.id]!) rows.push({ source: atom.node, destination: to, conns });
    }
    for (const atom of egressAtoms) {
      const conns = reach.podToExternal(pods.id, atom.range);
      if (!isEmpty(conns)) for (const from of members[pods.id]!) rows.push({ source: from, destination: atom.node, conns });
    }
  }
  return rows.sort(byLabels).map((row) => ({ source: row.source.endpoint, destination: row.destination.endpoint, conns: row.conns }));
}
