import type { Finding } from '../krm/finding';
import type { Item } from '../krm/item';
import { ANALYSIS_DEFAULTS } from '../config/sections/analysis';
import { formatReport, type ReportFormat } from './report';
import { connectionsOf, runAnalysis } from './run';

/** Options of `netpol-guard analyze PATH... --format FORMAT`. */
export interface AnalyzeCommandOptions {
  readonly format: ReportFormat;
  /** Defaults to `spec.analysis.ipBlocksMatchPods`'s default (false). */
  readonly ipBlocksMatchPods?: boolean;
}

/** The report and the findings the CLI may print to stderr (policies the analysis ignored). */
export interface AnalyzeCommandOutput {
  readonly report: string;
  readonly findings: readonly Finding[];
}

/** The analyze command's core with its findings: pure, the CLI only reads files and prints. */
export function analyzeCommandWithFindings(items: readonly Item[], options: AnalyzeCommandOptions): AnalyzeCommandOutput {
  const analysis = runAnalysis(items, { ipBlocksMatchPods: options.ipBlocksMatchPods ?? ANALYSIS_DEFAULTS.ipBlocksMatchPods });
  return { report: formatReport(connectionsOf(analysis), options.format), findings: analysis.inventory.findings };
}

/** `netpol-guard analyze`: the connection list of the items in the requested format. */
export function analyzeCommand(items: readonly Item[], options: AnalyzeCommandOptions): string {
  return analyzeCommandWithFindings(items, options).report;
}
