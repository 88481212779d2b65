import { formatConns } from '../conns';
import { endpointLabel, type Connection } from '../connections';
import { graphNodes } from './nodes';

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The connections as a Graphviz digraph: workloads blue, external ranges red, edges labelled. */
export function formatDot(connections: readonly Connection[]): string {
  const lines = ['digraph {'];
  for (const node of graphNodes(connections)) {
    const color = node.external ? 'red2' : 'blue';
    lines.push(`\t${quote(node.label)} [label=${quote(node.label)} color="${color}" fontcolor="${color}"]`);
  }
  for (const c of connections) {
    const label = quote(formatConns(c.conns));
    lines.push(`\t${quote(endpointLabel(c.source))} -> ${quote(endpointLabel(c.destination))} [label=${label} color="gold2" fontcolor="darkgreen"]`);
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
