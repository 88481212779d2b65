/**
 * The command's entry point. A KRM function starts once per render, so on small lists
 * starting costs more than working: V8 compiling the bundle, then compiling each function
 * the first time it runs. The build writes, beside this file, the bundle (src/cli.ts and
 * everything it uses, itself a complete command) and V8's code cache for it, taken after
 * a warm-up run: compiled code V8 loads instead of compiling. With the cache, V8 never
 * parses the bundle's text, so it stays out of this file (Node would scan all of it on
 * every start). A cache from another Node or V8 build is rejected by V8 and the bundle
 * compiles as usual, so a missing, stale or damaged cache costs time, never correctness.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** The bundle: a CommonJS module of plain ASCII (esbuild escapes the rest). */
export const BUNDLE_FILE = join(__dirname, 'netpol-guard.bundle.js');

/** Where the build leaves the code cache: beside this file. */
export const CODE_CACHE_FILE = `${__filename}.cache`;

/** The bundle compiled, from the code cache when V8 accepts it. */
export function compileBundle(useCache = true): Script {
  let cachedData: Buffer | undefined;
  try {
    cachedData = useCache ? readFileSync(CODE_CACHE_FILE) : undefined;
  } catch {
    cachedData = undefined;
  }
  // latin1: ASCII text becomes a one-byte string with no decoding pass
  const bundle = readFileSync(BUNDLE_FILE, 'latin1');
  // the CommonJS wrapper Node puts around a module, so the bundle runs as one
  const source = `(function (exports, require, module, __filename, __dirname) {${bundle}\n})`;
  return new Script(source, { filename: BUNDLE_FILE, ...(cachedData === undefined ? {} : { cachedData }) });
}

/** Runs the compiled bundle as this module. */
export function runBundle(script: Script): void {
  (script.runInThisContext() as (...args: unknown[]) => void)(exports, require, module, BUNDLE_FILE, __dirname);
}

if (require.main === module) {
  let script: Script | undefined;
  try {
    script = compileBundle();
  } catch (error) {
    // a broken install (the bundle missing or unreadable): say so, without a stack trace
    process.exitCode = 1;
    process.stderr.write(`netpol-guard: cannot load ${BUNDLE_FILE}: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  if (script !== undefined) runBundle(script);
}
