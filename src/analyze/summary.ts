import type { Finding } from '../krm/finding';
import { formatConns } from './conns';
import { endpointLabel } from './connections';
import { connectionsOf, type Analysis } from './run';

/** Rule ids of the summary's info results. */
export const SUMMARY_RULES = { overview: 'netpol/connectivity-summary', connection: 'netpol/connectivity' } as const;

/**
 * The summary a render step shows: one overview (with how many connections were left
 * out), then one info per allowed connection (attached to the workload it starts from,
 * or ends at for external sources) up to `limit`, so a large list cannot flood a render.
 */
export function summaryFindings(analysis: Analysis, limit: number): Finding[] {
  const { inventory, index, reach } = analysis;
  const connections = connectionsOf(analysis);
  const count = (direction: 'ingress' | 'egress'): number =>
    index.classes.filter((pods) => reach.isolated(pods.id, direction)).reduce((n, pods) => n + pods.workloads.length, 0);
  const unlisted = Math.max(0, connections.length - limit);
  const rest = unlisted === 0 ? '' : ` (${unlisted} not listed: spec.analysis.maxSummaryResults is ${limit}; run "netpol-guard analyze" for all)`;
  // One overview, not a trailing "and N more": list-level results sort before item results.
  const findings: Finding[] = [
    {
      ruleId: SUMMARY_RULES.overview,
      severity: 'info',
      message:
        `${inventory.workloads.length} workloads in ${index.classes.length} pod classes, ${inventory.policies.length} policies: ` +
        `${connections.length} allowed connections${rest}; ${count('ingress')} workloads isolated for ingress, ${count('egress')} for egress`,
    },
  ];
  for (const connection of connections.slice(0, limit)) {
    const anchor = connection.source.kind === 'workload' ? connection.source : connection.destination;
    const line = `${endpointLabel(connection.source)} => ${endpointLabel(connection.destination)} : ${formatConns(connection.conns)}`;
    findings.push(
      anchor.kind === 'workload'
        ? { ruleId: SUMMARY_RULES.connection, severity: 'info', message: line, itemIndex: anchor.workload.itemIndex, path: anchor.workload.path }
        : { ruleId: SUMMARY_RULES.connection, severity: 'info', message: line },
    );
  }
  return findings;
}
