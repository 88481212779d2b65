/** Runs the built bundle as a separate process, as kustomize and kpt do (not a test). */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from '../helpers';
import { isYaml, STACK_LINE } from './check';

/** The bundle `npm run build` writes. */
export const BUNDLE = join(ROOT, 'dist', 'netpol-guard.js');

/**
 * A copy of the command (launcher, bundle, parts and code caches) in a fresh world-readable
 * folder: a container image holds only these files, and the `nobody` user may not be
 * able to read the checkout.
 */
export function bundleCopy(): string {
  assert.ok(existsSync(BUNDLE), 'dist/netpol-guard.js is missing: run npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'netpol-guard-'));
  chmodSync(dir, 0o755);
  for (const file of COMMAND_FILES) {
    copyFileSync(join(dirname(BUNDLE), file), join(dir, file));
    chmodSync(join(dir, file), 0o644);
  }
  return join(dir, 'netpol-guard.js');
}

/** The scripts the launcher compiles, each with its code cache beside it: the bundle, then its parts. */
export const COMMAND_SCRIPTS = ['netpol-guard.bundle.js', 'netpol-guard.yaml.js', 'netpol-guard.js-yaml.js', 'netpol-guard.config.js'] as const;

/** The files of the built command, as the container image ships them. */
export const COMMAND_FILES = ['netpol-guard.js', ...COMMAND_SCRIPTS.flatMap((script) => [script, `${script}.cache`])] as const;

/** Runs a command with the input on stdin, from `/` (or `cwd`) with a minimal environment. */
export function spawn(command: string, args: readonly string[], input: string | Buffer, env: Record<string, string> = {}, cwd = '/'): SpawnSyncReturns<string> {
  return spawnSync(command, args, { input, encoding: 'utf8', cwd, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, maxBuffer: 256 * 1024 * 1024 });
}

/** Whether a command exists on PATH. */
export function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).status === 0;
}

/** Registers a test, or skips it with its reason when `missing` names one. */
export function testIf(suite: Test, name: string, missing: string | undefined, body: () => void): void {
  if (missing === undefined) suite(name, body);
  else {
    console.log(`  skipped "${name}": ${missing}`);
    suite.skip(name, body);
  }
}

/** What every CLI run must satisfy: exit 0, 1 or 2, no stack trace, stdout YAML or the input echoed. */
export function assertWellBehaved(result: SpawnSyncReturns<string>, input: string): void {
  assert.is(result.error, undefined, String(result.error));
  assert.ok(result.status === 0 || result.status === 1 || result.status === 2, `exit ${String(result.status)} ${String(result.signal)}: ${result.stderr}`);
  assert.not.match(result.stderr, STACK_LINE, `no stack trace: ${result.stderr.slice(0, 500)}`);
  assert.not.match(result.stderr, /internal error|Warning/, result.stderr.slice(0, 500));
  if (result.status === 2) return assert.is(result.stdout, '', 'a usage error writes nothing');
  if (result.stdout === input) return;
  // broken items pass through as they were: YAML only comes out if YAML went in
  if (result.status === 1 && !isYaml(input)) return;
  assert.ok(isYaml(result.stdout), 'stdout is YAML or the input echoed');
}
