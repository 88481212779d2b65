import { endpointLabel, type Connection } from '../connections';

/** A graph node: its label and whether it stands for external addresses. */
export interface GraphNode {
  readonly label: string;
  readonly external: boolean;
}

/** The distinct endpoints of the connections, sorted by label (graph formats share this). */
export function graphNodes(connections: readonly Connection[]): GraphNode[] {
  const nodes = new Map<string, GraphNode>();
  for (const c of connections) {
    for (const end of [c.source, c.destination]) {
      const label = endpointLabel(end);
      if (!nodes.has(label)) nodes.set(label, { label, external: end.kind === 'external' });
    }
  }
  return [...nodes.values()].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
