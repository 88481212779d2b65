import { flatPathOf } from './config/flat';
import { loadConfig } from './config/load';
import { InputError } from './krm/errors';
import { FUNCTION_CONFIG_INDEX, type Finding } from './krm/finding';
import { formatResults, type ResultFormat } from './krm/format';
import { readInput, type Input } from './krm/input';
import { fileOf, refOf, type SourceItem } from './krm/items';
import { hasErrors, toResults, type ItemIdentity, type KrmResult } from './krm/result';
import { emitAt, writeOutput } from './krm/write';
import { analyze, analyzeCommandWithFindings, type ReportFormat } from './analyze';
import { runPipeline } from './pipeline';

/** Options of one run; everything has a default. */
export interface RunOptions {
  /** How results are shown on stderr (the ResourceList carries them too). */
  readonly format?: ResultFormat;
  /** Hide info results on stderr (KRM mode default: they are in the ResourceList already). */
  readonly stderrMinimum?: 'info' | 'warning';
  /** A functionConfig given outside the ResourceList (`--config FILE`); it wins. */
  readonly config?: unknown;
  readonly maxInputBytes?: number;
}

/** What a run writes and how it exits; `run` never throws. */
export interface RunResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1;
  readonly results: readonly KrmResult[];
}

/** A file in file mode, and what the run made of it. */
export interface FileText {
  readonly path: string;
  readonly text: string;
}

/** The outcome of file mode: rewritten files (only those that changed) and the report. */
export interface FilesResult {
  readonly changed: readonly FileText[];
  readonly generated: readonly FileText[];
  readonly report: string;
  readonly exitCode: 0 | 1;
  readonly results: readonly KrmResult[];
}

/** KRM mode: a ResourceList (or a plain manifest stream) in, the same kind out. */
export function run(raw: string | Uint8Array, options: RunOptions = {}): RunResult {
  const format = options.format ?? 'text';
  let input: Input;
  try {
    input = readInput(raw, options.maxInputBytes === undefined ? {} : { maxBytes: options.maxInputBytes });
  } catch (error) {
    return failWhole(raw, error, format);
  }
  try {
    const processed = processInputs([input], options.config ?? input.functionConfig);
    const stdout = writeOutput(input.source, input.layout, {
      items: input.items,
      added: processed.generated.map((item) => item.document()),
      results: input.layout.mode === 'resource-list' ? processed.results : [],
      earlierResults: input.earlierResults,
      functionConfig: input.functionConfig,
    });
    const stderr = formatResults(processed.results, format, options.stderrMinimum ?? 'info');
    return { stdout, stderr, exitCode: hasErrors(processed.results) ? 1 : 0, results: processed.results };
  } catch (error) {
    return failWhole(raw, error, format);
  }
}

/** File mode: every file's documents are one list (so analysis sees them together). */
export function runFiles(files: readonly FileText[], options: RunOptions = {}): FilesResult {
  const format = options.format ?? 'text';
  const { inputs, readErrors } = readFiles(files, options);
  // files are small and people run this to find mistakes: read every item, not only the policies
  for (const input of inputs) for (const item of input.items) void item.value;
  const processed = processInputs(inputs, options.config);
  const changed = inputs
    .filter((input) => input.items.some((item) => item.isEdited))
    .map((input) => ({ path: input.fileName!, text: writeOutput(input.source, input.layout, { items: input.items, added: [], results: [], earlierResults: [], functionConfig: undefined }) }));
  const generated = processed.generated.map((item) => ({ path: item.file?.path ?? `${item.ref.namespace ?? 'default'}/${item.ref.name}.yaml`, text: emitAt(item.document(), 0, 'compact') }));
  const results = [...readErrors, ...processed.results];
  return { changed, generated, report: formatResults(results, format), exitCode: hasErrors(results) ? 1 : 0, results };
}

/** Reads files as one list (item indexes run on across files); a file that cannot be read is an error result. */
function readFiles(files: readonly FileText[], options: RunOptions): { inputs: Input[]; readErrors: KrmResult[] } {
  const inputs: Input[] = [];
  const readErrors: KrmResult[] = [];
  let firstIndex = 0;
  for (const file of files) {
    try {
      const input = readInput(file.text, { firstIndex, fileName: file.path, ...(options.maxInputBytes === undefined ? {} : { maxBytes: options.maxInputBytes }) });
      inputs.push(input);
      firstIndex += input.items.length;
    } catch (error) {
      readErrors.push(inputErrorResult(error, file.path));
    }
  }
  return { inputs, readErrors };
}

interface Processed {
  readonly results: KrmResult[];
  readonly generated: readonly SourceItem[];
}

function processInputs(inputs: readonly Input[], configValue: unknown): Processed {
  const items = inputs.flatMap((input) => input.items);
  const loaded = loadConfig(configValue);
  const pipeline = loaded.config === undefined ? { findings: [], generated: [] } : runPipeline(items, loaded.config);
  // read problems surface when an item is first parsed, which stages may have caused
  const problems: Finding[] = items.flatMap((item) => item.problems);
  const findings = [...loaded.findings, ...problems, ...pipeline.findings];
  return { results: resultsOf(findings, [...items, ...pipeline.generated], configValue), generated: pipeline.generated };
}

/**
 * Findings as KRM results: each names its item, or the functionConfig (at the data key
 * that carries the setting, for a flat ConfigMap).
 */
function resultsOf(findings: readonly Finding[], items: readonly (ItemIdentity & { readonly index: number })[], configValue: unknown): KrmResult[] {
  const configIdentity: ItemIdentity = { ref: refOf(configValue), file: fileOf(configValue) };
  const byIndex = new Map<number, ItemIdentity>(items.map((item) => [item.index, item]));
  const itemAt = (index: number): ItemIdentity | undefined => (index === FUNCTION_CONFIG_INDEX ? configIdentity : byIndex.get(index));
  return toResults(findings.map(inConfigForm(configValue)), itemAt);
}

/** Stages report config findings at typed paths; a flat ConfigMap user needs its data key. */
function inConfigForm(configValue: unknown): (finding: Finding) => Finding {
  const config = configValue as { kind?: unknown; data?: unknown } | undefined;
  if (config?.kind !== 'ConfigMap' || typeof config.data !== 'object' || config.data === null) return (finding) => finding;
  const data = config.data as Record<string, unknown>;
  return (finding) => (finding.itemIndex === FUNCTION_CONFIG_INDEX && finding.path !== undefined ? { ...finding, path: flatPathOf(finding.path, data) } : finding);
}

function inputErrorResult(error: unknown, file?: string): KrmResult {
  if (error instanceof InputError) {
    const at = error.position === undefined ? '' : ` (line ${error.position.line}, column ${error.position.col})`;
    return { message: `${error.message}${at}`, severity: 'error', tags: { rule: `input/${error.code}` }, ...(file === undefined ? {} : { file: { path: file } }) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { message: `internal error: ${message}`, severity: 'error', tags: { rule: 'input/internal-error' }, ...(file === undefined ? {} : { file: { path: file } }) };
}

/**
 * When the input cannot be processed as a whole, nothing may be lost: the input goes
 * back out unchanged and the error is reported on stderr with a non-zero exit.
 */
function failWhole(raw: string | Uint8Array, error: unknown, format: ResultFormat): RunResult {
  const result = inputErrorResult(error);
  const stdout = typeof raw === 'string' ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8');
  return { stdout, stderr: formatResults([result], format === 'none' ? 'text' : format), exitCode: 1, results: [result] };
}

/** The outcome of `netpol-guard analyze`: the report, and findings for stderr. */
export interface AnalyzeResult {
  readonly report: string;
  readonly stderr: string;
  readonly exitCode: 0 | 1;
}

/**
 * `netpol-guard analyze`: the connection report of the items in the given texts (files,
 * or stdin as one text). With a config, its expectations are checked too and a broken
 * one makes the exit code 1.
 */
export function runAnalyze(texts: readonly FileText[], options: RunOptions & { readonly report: ReportFormat }): AnalyzeResult {
  const { inputs, readErrors } = readFiles(texts, options);
  const items = inputs.flatMap((input) => input.items);
  const usable = items.filter((item) => item.usable);
  const loaded = loadConfig(options.config);
  const findings: Finding[] = [...loaded.findings];
  let report = '';
  if (loaded.config !== undefined) {
    const analysed = analyzeCommandWithFindings(usable, { format: options.report, ipBlocksMatchPods: loaded.config.analysis.ipBlocksMatchPods });
    report = analysed.report;
    findings.push(...analysed.findings);
    if (loaded.config.expectations.length > 0) findings.push(...analyze({ items: usable, config: { ...loaded.config, analysis: { ...loaded.config.analysis, summary: false } } }));
  }
  findings.push(...items.flatMap((item) => item.problems));
  const results = [...readErrors, ...resultsOf(findings, items, options.config)];
  return { report, stderr: formatResults(results, options.format ?? 'text'), exitCode: hasErrors(results) ? 1 : 0 };
}
