import { formatConns } from '../conns';
import { endpointLabel, type Connection } from '../connections';
import { graphNodes } from './nodes';

/** Mermaid labels are quoted; a double quote inside one is written as an entity. */
function label(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}

/** The connections as a Mermaid flowchart (nodes `n0`, `n1`... in label order; external ranges are hexagons). */
export function formatMermaid(connections: readonly Connection[]): string {
  const ids = new Map<string, string>();
  const lines = ['flowchart LR'];
  for (const node of graphNodes(connections)) {
    const id = `n${ids.size}`;
    ids.set(node.label, id);
    lines.push(node.external ? `  ${id}{{${label(node.label)}}}` : `  ${id}[${label(node.label)}]`);
  }
  for (const c of connections) {
    lines.push(`  ${ids.get(endpointLabel(c.source))} -->|${label(formatConns(c.conns))}| ${ids.get(endpointLabel(c.destination))}`);
  }
  return `${lines.join('\n')}\n`;
}
