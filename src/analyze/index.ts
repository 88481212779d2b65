// The analysis stage owns connectivity: who can reach whom among the workloads in the list,
// the user's declared expectations (spec.expectations) and the connection reports.
import type { Config } from '../config/types';
import type { Finding } from '../krm/finding';
import type { Item } from '../krm/item';
import { checkExpectations } from './expectations';
import { runAnalysis } from './run';
import { summaryFindings } from './summary';

export { analyzeCommand, analyzeCommandWithFindings, type AnalyzeCommandOptions, type AnalyzeCommandOutput } from './command';
export { REPORT_FORMATS, isReportFormat, type ReportFormat } from './report';
export { EXPECTATION_RULES } from './expectations';
export { SUMMARY_RULES } from './summary';
export { IGNORED_POLICY_RULE } from './inventory';

/** What the analysis stage sees: the items after transforms, and the effective config. */
export interface AnalyzeContext {
  readonly items: readonly Item[];
  readonly config: Config;
}

/**
 * The KRM stage: checks `spec.expectations` (errors when broken) and, with
 * `spec.analysis.summary`, reports the allowed connections as info results. With neither
 * it does nothing (validation already reports the policies it would have to ignore).
 */
export function analyze(context: AnalyzeContext): Finding[] {
  const { analysis, expectations } = context.config;
  if (expectations.length === 0 && !analysis.summary) return [];
  const result = runAnalysis(context.items, { ipBlocksMatchPods: analysis.ipBlocksMatchPods });
  return [
    ...result.inventory.findings,
    ...checkExpectations(expectations, result.inventory, result.index, result.options),
    ...(analysis.summary ? summaryFindings(result, analysis.maxSummaryResults) : []),
  ];
}
