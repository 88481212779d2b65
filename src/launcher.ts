/**
 * The command's entry point. A KRM function starts once per render, so on small lists
 * starting costs more than working: V8 compiling the bundle, then compiling each function
 * the first time it runs. The build writes, beside this file, the bundle (src/cli.ts and
 * everything it uses, itself a complete command), the parts it loads on first use
 * (`yaml`, js-yaml's parser, the functionConfig's validator), and for each V8's code cache,
 * taken after a warm-up run: compiled code V8 loads instead of compiling. With a cache
 * V8 never parses the script's text, so the bundle stays out of this file (Node would
 * scan all of it on every start), and V8 reads all of a cache at once, so a part most
 * runs skip has its own. A cache from another Node or V8 build is rejected by V8 and the
 * script compiles as usual: a missing, stale or damaged cache costs time, never correctness.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** The bundle: a CommonJS module of plain ASCII (esbuild escapes the rest), as every part is. */
export const BUNDLE_FILE = join(__dirname, 'netpol-guard.bundle.js');

/** Where a script's code cache is: beside it. */
export const cacheFileOf = (file: string): string => `${file}.cache`;

/** Whether compiling reads the code caches (the cache writer compiles without them). */
export const caching = { read: true };

/** Every script compiled in this process, for the cache writer. */
const compiled = new Map<string, Script>();

/** A script compiled as a CommonJS module's function, from its code cache when V8 accepts it. */
export function compileScript(file: string): Script {
  let cachedData: Buffer | undefined;
  try {
    cachedData = caching.read ? readFileSync(cacheFileOf(file)) : undefined;
  } catch {
    cachedData = undefined;
  }
  // latin1: ASCII text becomes a one-byte string with no decoding pass
  const text = readFileSync(file, 'latin1');
  // the wrapper Node puts around a module, so the script runs as one
  const source = `(function (exports, require, module, __filename, __dirname) {${text}\n})`;
  const script = new Script(source, { filename: file, ...(cachedData === undefined ? {} : { cachedData }) });
  compiled.set(file, script);
  return script;
}

/** Runs a compiled script as the CommonJS module `owner`, with this file's `require`. */
function runAs(script: Script, owner: { exports: unknown }, file: string): void {
  (script.runInThisContext() as (...args: unknown[]) => void)(owner.exports, require, owner, file, __dirname);
}

/** Runs the bundle as this module. */
export function runBundle(script: Script): void {
  runAs(script, module, BUNDLE_FILE);
}

/** What a script that cannot be read says: its file and why. */
function cannotLoad(file: string, error: unknown): string {
  return `cannot load ${file}: ${error instanceof Error ? error.message : String(error)}`;
}

/** The exports of a part beside this file (`netpol-guard.yaml.js`), run once as a module of its own. */
export function loadPart(name: string): unknown {
  const file = join(__dirname, name);
  let script: Script;
  try {
    script = compileScript(file);
  } catch (error) {
    throw new Error(cannotLoad(file, error));
  }
  const part = { exports: {} as unknown };
  runAs(script, part, file);
  return part.exports;
}

/** Writes the code cache of every script compiled so far (the build's warm-up run ends with this). */
export function writeCodeCaches(): void {
  for (const [file, script] of compiled) writeFileSync(cacheFileOf(file), script.createCachedData());
}

if (require.main === module) {
  let script: Script | undefined;
  try {
    script = compileScript(BUNDLE_FILE);
  } catch (error) {
    // a broken install (the bundle missing or unreadable): say so, without a stack trace
    process.exitCode = 1;
    process.stderr.write(`netpol-guard: ${cannotLoad(BUNDLE_FILE, error)}\n`);
  }
  if (script !== undefined) runBundle(script);
}
