/** The command line: the only module that touches process (argv, stdio, files, env, exit code). */
import { fstatSync, readdirSync, readFileSync, readSync, statSync, writeFileSync, writeSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../package.json';
import { isReportFormat, REPORT_FORMATS } from './analyze';
import { RESULT_FORMATS, type ResultFormat } from './krm/format';
import { parseValue } from './krm/parse-item';
import { DEFAULT_MAX_INPUT_BYTES } from './krm/source';
import { run, runAnalyze, runFiles, type FileText, type RunOptions } from './run';

const HELP = `netpol-guard ${version}: harden, extend, validate and analyse Kubernetes NetworkPolicies

Usage:
  netpol-guard [options] < input.yaml       KRM function: a ResourceList (or a plain
                                            manifest stream) on stdin, the same on stdout
  netpol-guard [options] PATH...            check YAML files and folders (CI, pre-commit)
  netpol-guard analyze [options] [PATH...]  who can reach whom: the connection report of
                                            the files (or of stdin), expectations checked

Options:
  --config FILE       functionConfig (kind NetpolGuard, or a ConfigMap) to use
  --format FORMAT     how results are printed: ${RESULT_FORMATS.join(', ')}
                      (default text; on stdin mode they go to stderr);
                      for analyze, the report format: ${REPORT_FORMATS.join(', ')} (default txt)
  --write             file mode: write transformed files back in place
  -h, --help          this help
  -v, --version       the version

Environment:
  NETPOL_GUARD_MAX_INPUT_BYTES   largest input accepted (default ${DEFAULT_MAX_INPUT_BYTES})

Exit codes: 0 ok, 1 a result of severity error, 2 a usage error.
`;

function fail(message: string): never {
  writeOut(2, `netpol-guard: ${message}\nTry 'netpol-guard --help'.\n`);
  process.exit(2);
}

/**
 * Writes a whole text to stdout (1) or stderr (2) with plain writes, which spares a small
 * list the milliseconds Node takes to set up a stdio stream; from the first EAGAIN on (a
 * non-blocking pipe) the stream writes the rest. A reader that stops early (`| head`)
 * closes stdout: nothing more goes there, stderr still gets its lines, and the run ends
 * with its exit code, never with a stack trace.
 */
function writeOut(fd: 1 | 2, text: string): void {
  if (fd === 1 && stdoutClosed) return;
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(fd, bytes, at, bytes.length - at);
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      if (code === 'EAGAIN') return void streamOf(fd).write(bytes.subarray(at));
      // a broken stderr leaves nowhere to say anything
      if (fd === 2) return;
      stdoutClosed = true;
      if (code === 'EPIPE') return;
      process.exitCode = 1;
      return writeOut(2, cannotWrite(message));
    }
  }
}

/** Whether stdout failed: its reader went away, or writing to it broke. */
let stdoutClosed = false;

/** What a failed write to stdout says on stderr. */
function cannotWrite(reason: string): string {
  return `netpol-guard: cannot write the output: ${reason}\n`;
}

/** The stdio stream that takes over after an EAGAIN; stdout's ends a run the way writeOut does. */
function streamOf(fd: 1 | 2): NodeJS.WriteStream {
  if (fd === 2) return process.stderr;
  if (process.stdout.listenerCount('error') === 0) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') writeOut(2, cannotWrite(error.message));
      process.exit(error.code === 'EPIPE' ? Number(process.exitCode ?? 0) : 1);
    });
  }
  return process.stdout;
}

function parseCommandLine() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        config: { type: 'string' },
        format: { type: 'string' },
        write: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
}

function readConfigFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return fail(`cannot read config file ${path}`);
  }
  // read as an item is: the same limits on aliases and depth, and no `yaml` unless it uses aliases
  const parsed = parseValue(text, 1);
  if ('value' in parsed) return parsed.value;
  const { message, line, col } = parsed.problem;
  const at = line === undefined ? '' : ` (line ${line}${col === undefined ? '' : `, column ${col}`})`;
  return fail(`config file ${path} is not valid YAML: ${message}${at}`);
}

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Expands folders recursively (skipping hidden ones and node_modules), in a stable order. */
function collectFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  const visit = (path: string): void => {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      return fail(`no such file or folder: ${path}`);
    }
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (entry.startsWith('.') || entry === 'node_modules') continue;
        const child = join(path, entry);
        if (statSync(child).isDirectory() || MANIFEST_EXTENSIONS.has(extname(entry))) visit(child);
      }
    } else files.push(path);
  };
  for (const path of paths) visit(path);
  return files;
}

function maxInputBytes(): number | undefined {
  const raw = process.env.NETPOL_GUARD_MAX_INPUT_BYTES;
  if (raw === undefined || raw === '') return undefined;
  if (!/^[0-9]+$/.test(raw)) fail(`NETPOL_GUARD_MAX_INPUT_BYTES must be a number of bytes, not ${JSON.stringify(raw)}`);
  return Number(raw);
}

function readTexts(paths: readonly string[]): FileText[] {
  return collectFiles(paths).map((path) => ({ path: relative(process.cwd(), path) || path, text: readFileSync(path, 'utf8') }));
}

async function analyzeMain(paths: readonly string[], format: string | undefined, options: RunOptions): Promise<void> {
  const report = format ?? 'txt';
  if (!isReportFormat(report)) fail(`unknown report format ${JSON.stringify(report)}: use one of ${REPORT_FORMATS.join(', ')}`);
  if (paths.length === 0 && stdinIsTerminal()) fail('analyze needs PATH... or manifests on stdin');
  const texts = paths.length === 0 ? [{ path: '<stdin>', text: (await readStdin()).toString('utf8') }] : readTexts(paths);
  const result = runAnalyze(texts, { ...options, report });
  // the exit code first: a failed write to stdout may still change it
  process.exitCode = result.exitCode;
  writeOut(1, result.report);
  writeOut(2, result.stderr);
}

/**
 * Reads all of stdin: with plain reads while they work, which spares a small list the
 * few milliseconds Node takes to set up the stdin stream, and through that stream from
 * the first EAGAIN on, for a parent that hands over a non-blocking pipe (kustomize and
 * spawnSync can). The stream goes on where the reads stopped.
 */
async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const buffer = Buffer.allocUnsafe(STDIN_CHUNK);
  for (;;) {
    let read: number;
    try {
      read = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      chunks.push(await streamedStdin());
      break;
    }
    if (read === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, read)));
  }
  return Buffer.concat(chunks);
}

/**
 * Whether stdin is a terminal (nobody piped anything in). Not process.stdin.isTTY: that
 * getter sets up the stdin stream. A terminal is a character device, so a pipe or a file
 * (every render) is answered by fstat alone, without loading `tty` (and `net` with it).
 */
function stdinIsTerminal(): boolean {
  try {
    if (!fstatSync(0).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return (require('node:tty') as typeof import('node:tty')).isatty(0);
}

/** Bytes per plain read of stdin. */
const STDIN_CHUNK = 1 << 20;

/** The rest of stdin, through Node's stream. */
function streamedStdin(): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks)));
    process.stdin.on('error', reject);
    // flowing even if something paused it before (a 'data' listener alone does not resume it then)
    process.stdin.resume();
  });
}

async function main(): Promise<void> {
  const { values, positionals } = parseCommandLine();
  if (values.help) return writeOut(1, HELP);
  if (values.version) return writeOut(1, `${version}\n`);
  const limit = maxInputBytes();
  const common = {
    ...(values.config === undefined ? {} : { config: readConfigFile(values.config) }),
    ...(limit === undefined ? {} : { maxInputBytes: limit }),
  };
  if (positionals[0] === 'analyze') return analyzeMain(positionals.slice(1), values.format, common);
  const format = values.format ?? 'text';
  if (!(RESULT_FORMATS as readonly string[]).includes(format)) fail(`unknown format ${JSON.stringify(format)}: use one of ${RESULT_FORMATS.join(', ')}`);
  const options: RunOptions = { format: format as ResultFormat, ...common };
  if (positionals.length === 0) {
    if (stdinIsTerminal()) return writeOut(1, HELP);
    const result = run(await readStdin(), { ...options, stderrMinimum: 'warning' });
    process.exitCode = result.exitCode;
    writeOut(1, result.stdout);
    writeOut(2, result.stderr);
    return;
  }
  const result = runFiles(readTexts(positionals), options);
  if (values.write) {
    for (const file of result.changed) writeFileSync(file.path, file.text);
    // generated policies land beside the files they belong to: under the first folder given
    const first = positionals[0]!;
    const base = statSync(first).isDirectory() ? first : dirname(first);
    for (const file of result.generated) {
      // the path comes from the config (generate.path): keep writes below that folder
      if (isAbsolute(file.path) || file.path.split(/[\\/]/).includes('..')) fail(`will not write a generated policy outside ${base}: ${file.path}`);
      const target = join(base, file.path);
      if (existsSync(target)) fail(`will not overwrite ${target} with a generated policy`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.text);
    }
  }
  process.exitCode = result.exitCode;
  writeOut(1, result.report);
}

// A bug must still end in a clear message and exit 1, never a stack trace.
main().catch((error: unknown) => {
  process.exitCode = 1;
  writeOut(2, `netpol-guard: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
});
