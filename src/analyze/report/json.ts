import { PROTOCOLS, formatConns } from '../conns';
import { endpointLabel, type Connection } from '../connections';

/**
 * The connections as JSON: np-guard's `src`/`dst`/`conn` strings, plus the open port
 * ranges per protocol for machines (`{"TCP": [[8080, 8080]]}`).
 */
export function formatJson(connections: readonly Connection[]): string {
  const rows = connections.map((c) => {
    const ports: Record<string, [number, number][]> = {};
    for (const protocol of PROTOCOLS) {
      if (c.conns[protocol].length > 0) ports[protocol] = c.conns[protocol].map(([from, to]) => [from, to]);
    }
    return { src: endpointLabel(c.source), dst: endpointLabel(c.destination), conn: formatConns(c.conns), ports };
  });
  return `${JSON.stringify(rows, null, 2)}\n`;
}
