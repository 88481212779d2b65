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

/** An endpoint with its label and, for workloads, its pod class. */
interface Node {
  readonly endpoint: Endpoint;
  readonly label: string;
  readonly classId: number | undefined;
}

function sortByLabel(nodes: Node[]): Node[] {
  return nodes.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/**
 * Every allowed connection, sorted by source then destination label (byte order), built
 * in that order so no global sort of pairs is needed. A workload to itself and external
 * to external are left out, as in np-guard's connlist.
 */
export function listConnections(inventory: Inventory, reach: Reachability): Connection[] {
  const { classes, workloadClass } = reach.index;
  const workloads = inventory.workloads.map((workload, i): Node => {
    const endpoint: Endpoint = { kind: 'workload', workload };
    return { endpoint, label: endpointLabel(endpoint), classId: workloadClass[i] };
  });
  const atoms = (ranges: readonly IpRange[]): Node[] =>
    ranges.map((range) => {
      const endpoint: Endpoint = { kind: 'external', range };
      return { endpoint, label: endpointLabel(endpoint), classId: undefined };
    });
  const sources = sortByLabel([...workloads, ...atoms(reach.ingressAtoms)]);
  const podTargets = sortByLabel([...workloads]);
  const allTargets = sortByLabel([...workloads, ...atoms(reach.egressAtoms)]);
  const out: Connection[] = [];
  // Workloads of one class share a row: compute each class pair once (rows are kept only
  // for classes of several workloads, so memory stays linear in the output).
  const rows = new Map<number, Map<number, ConnSet>>();
  for (const source of sources) {
    const from = source.classId;
    let row: Map<number, ConnSet> | undefined;
    // An egress-isolated source reaches only the classes its rules name: skip the rest.
    const reachable = from === undefined ? undefined : reach.egressCandidates(from);
    if (from !== undefined) {
      row = rows.get(from) ?? new Map();
      if (classes[from]!.workloads.length > 1) rows.set(from, row);
    }
    for (const target of from === undefined ? podTargets : allTargets) {
      if (target === source) continue;
      if (reachable !== undefined && target.classId !== undefined && !hasBit(reachable, target.classId)) continue;
      let conns: ConnSet;
      if (source.endpoint.kind === 'external') conns = reach.externalToPod(source.endpoint.range, target.classId!);
      else if (target.endpoint.kind === 'external') conns = reach.podToExternal(from!, target.endpoint.range);
      else {
        const to = target.classId!;
        const known = row!.get(to);
        conns = known ?? reach.podToPod(from!, to);
        if (known === undefined) row!.set(to, conns);
      }
      if (!isEmpty(conns)) out.push({ source: source.endpoint, destination: target.endpoint, conns });
    }
  }
  return out;
}
