/**
 * The library API: the function as a pure call (`run`, `runFiles`, `runAnalyze`) and the
 * pieces a tool may reuse. The command line (cli.ts) is a thin shell around these.
 */
export { run, runFiles, runAnalyze, type RunOptions, type RunResult, type FilesResult, type FileText, type AnalyzeResult } from './run';
export { runPipeline, STAGES, READ_KINDS, type PipelineResult, type Stage } from './pipeline';
export { loadConfig, DEFAULT_CONFIG, NETPOL_GUARD_SCHEMA, type Config } from './config';
export { readInput, formatPath, formatResults, type Finding, type FieldPath, type Item, type KrmResult, type Severity } from './krm';
export { readNetworkPolicy, readLabelSelector, selectorMatches, type NetworkPolicyModel, type LabelSelector } from './netpol';
export { TRANSFORMS } from './transform/registry';
export type { Transform, TransformContext } from './transform/types';
export { validate, RULES, checkNetworkPolicy, type Rule } from './validate';
export { analyze, analyzeCommand, REPORT_FORMATS, type ReportFormat } from './analyze';
