/**
 * The command's entry point. A KRM function starts once per render, so on small lists
 * starting costs more than working: V8 compiling the bundle, then compiling each function
 * the first time it runs. The build embeds the bundle (src/cli.ts and everything it uses)
 * here as text and writes, beside this file, V8's code cache for it, taken after a warm-up
 * run: compiled code V8 loads instead of compiling. A cache from another Node or V8 build
 * is rejected by V8 and the bundle compiles as usual, so a missing, stale or damaged cache
 * costs time, never correctness.
 */
import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';

/** The bundle's code, put in by the build (scripts/build.ts). */
declare const NETPOL_GUARD_BUNDLE: string;

/** The CommonJS wrapper Node puts around a module, so the bundle runs as one. */
const SOURCE = `(function (exports, require, module, __filename, __dirname) {${NETPOL_GUARD_BUNDLE}\n})`;

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
  return new Script(SOURCE, { filename: __filename, ...(cachedData === undefined ? {} : { cachedData }) });
}

/** Runs the compiled bundle as this module. */
export function runBundle(script: Script): void {
  (script.runInThisContext() as (...args: unknown[]) => void)(exports, require, module, __filename, __dirname);
}

if (require.main === module) runBundle(compileBundle());
