import { formatConns } from '../conns';
import { endpointLabel, type Connection } from '../connections';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** The connection list as a markdown table (`| src | dst | conn |`, np-guard's md layout). */
export function formatMarkdown(connections: readonly Connection[]): string {
  const rows = connections.map(
    (c) => `| ${cell(endpointLabel(c.source))} | ${cell(endpointLabel(c.destination))} | ${cell(formatConns(c.conns))} |\n`,
  );
  return `| src | dst | conn |\n|-----|-----|------|\n${rows.join('')}`;
}
