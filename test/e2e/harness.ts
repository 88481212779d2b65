/**
 * End-to-end harness (not a test file): runs the built function through the real
 * `kubectl kustomize` and `kpt`. A container function is run by an executable named
 * `docker`, first on PATH, that runs the bundle, so the tools really invoke it and
 * really parse its output. Outside CI a missing tool skips with its reason; with
 * CI=true it fails.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, existsSync, mkdtempSync, readdirSync, realpathSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { test } from 'uvu';
import { ROOT } from '../helpers';

/** The built command the tools run (`npm test` builds it first): its launcher, beside its bundle and parts. */
export const BUNDLE = join(ROOT, 'dist', 'netpol-guard.js');

/** Whether this run is CI, where a missing tool is a failure, not a skip. */
export const IN_CI = process.env.CI === 'true';

/** The image name the examples reference; the fake docker runs the bundle for any image. */
export const IMAGE = 'ghcr.io/netpol-guard/netpol-guard:v0.1.0';

/** Finds an executable on PATH. */
export function which(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** A kubectl build and the kustomize version it embeds. */
export interface KubectlBuild {
  readonly name: string;
  readonly path: string;
}

/** kubectl on PATH, plus the older builds that sit beside the real binary (kubectl.1.27 …). */
export function kubectlBuilds(): KubectlBuild[] {
  const kubectl = which('kubectl');
  if (kubectl === undefined) return [];
  const builds: KubectlBuild[] = [{ name: 'kubectl', path: kubectl }];
  const dir = dirname(realpathSync(kubectl));
  const versioned = readdirSync(dir)
    .filter((entry) => /^kubectl\.1\.[0-9]+$/.test(entry))
    .sort((a, b) => Number(a.split('.')[2]) - Number(b.split('.')[2]));
  for (const entry of versioned) builds.push({ name: entry, path: join(dir, entry) });
  return builds;
}

/** Output of one tool run. */
export interface ToolRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

let fakeDocker: { dir: string; log: string } | undefined;

/**
 * Writes a `docker` stand-in into `dir`: `docker run` runs the Node script on
 * stdin/stdout (whatever the image), and with `log` every invocation is appended to it.
 */
export function writeFakeDocker(dir: string, nodeScript: string, log?: string): void {
  const script = `#!/bin/sh
# Stands in for the docker client: "run" runs a Node script on stdin/stdout.
${log === undefined ? '' : `echo "$*" >> '${log}'\n`}case "$1" in
  run) exec '${process.execPath}' '${nodeScript}' ;;
  version) echo 24.0.7 ;;
  *) echo '[{}]' ;;
esac
`;
  writeFileSync(join(dir, 'docker'), script, { mode: 0o755 });
}

/** Creates (once) a folder with the `docker` stand-in running the bundle (its invocations go to a log) and `netpol-guard`. */
export function fakeDockerDir(): { dir: string; log: string } {
  if (fakeDocker !== undefined) return fakeDocker;
  const dir = mkdtempSync(join(tmpdir(), 'netpol-guard-docker-'));
  const log = join(dir, 'invocations.log');
  writeFakeDocker(dir, BUNDLE, log);
  // Kptfiles name the function `exec: netpol-guard`, as a user with the npm package installed would.
  writeFileSync(join(dir, 'netpol-guard'), `#!/bin/sh\nexec '${process.execPath}' '${BUNDLE}' "$@"\n`, { mode: 0o755 });
  writeFileSync(log, '');
  fakeDocker = { dir, log };
  return fakeDocker;
}

/** The docker invocations so far (one line each). */
export function dockerInvocations(): string[] {
  return readFileSync(fakeDockerDir().log, 'utf8').split('\n').filter((line) => line !== '');
}

function runTool(command: string, args: readonly string[], cwd?: string): ToolRun {
  const env = { ...process.env, PATH: `${fakeDockerDir().dir}${delimiter}${process.env.PATH ?? ''}` };
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout ?? '', stderr: `${result.stderr ?? ''}${result.error === undefined ? '' : String(result.error)}` };
}

/** `kubectl kustomize --enable-alpha-plugins DIR` with a given kubectl build. */
export function kustomize(dir: string, kubectl: string = which('kubectl') ?? 'kubectl'): ToolRun {
  return runTool(kubectl, ['kustomize', '--enable-alpha-plugins', dir]);
}

/** Copies a package to a fresh temporary folder (kpt render edits in place). */
export function copyPackage(dir: string): string {
  const target = join(mkdtempSync(join(tmpdir(), 'netpol-guard-pkg-')), 'pkg');
  cpSync(dir, target, { recursive: true });
  return target;
}

/** `kpt fn render --allow-exec` on a copy of the package; returns the copy's path too. */
export function kptRender(dir: string, extra: readonly string[] = []): ToolRun & { readonly dir: string } {
  const copy = copyPackage(dir);
  return { ...runTool(which('kpt') ?? 'kpt', ['fn', 'render', copy, '--allow-exec', ...extra]), dir: copy };
}

/** `kpt fn eval` on a copy of the package with the given arguments. */
export function kptEval(dir: string, args: readonly string[]): ToolRun & { readonly dir: string } {
  const copy = copyPackage(dir);
  return { ...runTool(which('kpt') ?? 'kpt', ['fn', 'eval', copy, ...args]), dir: copy };
}

/** Why an end-to-end test cannot run here, or `undefined` when it can. */
export function missing(tools: readonly ('kubectl' | 'kpt')[]): string | undefined {
  if (!existsSync(BUNDLE)) return `the bundle ${BUNDLE} is not built (run npm run build)`;
  const absent = tools.filter((tool) => which(tool) === undefined);
  return absent.length === 0 ? undefined : `${absent.join(' and ')} not found on PATH`;
}

/**
 * Registers an end-to-end test that needs the given tools: it runs when they are there,
 * is skipped with the reason outside CI, and fails with the reason in CI.
 */
export function e2e(suite: typeof test, name: string, tools: readonly ('kubectl' | 'kpt')[], body: () => void | Promise<void>): void {
  const reason = missing(tools);
  if (reason === undefined) {
    suite(name, body);
  } else if (IN_CI) {
    suite(name, () => {
      throw new Error(`cannot run in CI: ${reason}`);
    });
  } else {
    console.log(`  skipped "${name}": ${reason}`);
    suite.skip(name, body);
  }
}
