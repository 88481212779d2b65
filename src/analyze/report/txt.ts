import { formatConns } from '../conns';
import { endpointLabel, type Connection } from '../connections';

/** The connection list, one `src => dst : conns` line each (np-guard's connlist txt). */
export function formatTxt(connections: readonly Connection[]): string {
  return connections
    .map((c) => `${endpointLabel(c.source)} => ${endpointLabel(c.destination)} : ${formatConns(c.conns)}\n`)
    .join('');
}
