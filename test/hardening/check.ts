/** What every run must satisfy, whatever the input (not a test). */
import { CORE_SCHEMA, loadAll } from 'js-yaml';
import * as assert from 'uvu/assert';
import { parseAllDocuments } from 'yaml';
import { parseLayout, readLayout, type InputLayout } from '../../src/krm/read';
import { readSource } from '../../src/krm/source';
import { run, type RunOptions, type RunResult } from '../../src/run';

/** A stack trace line as Node prints it. */
export const STACK_LINE = /\n\s+at /;

/** Whether a result says the input could not be read as a whole (then it is echoed). */
export function wholeInputError(result: RunResult): boolean {
  return result.results.some((r) => r.tags.rule.startsWith('input/'));
}

const PROTOTYPES = [Object.prototype, Array.prototype, Function.prototype, String.prototype];
const SNAPSHOT = PROTOTYPES.map((prototype) => Object.getOwnPropertyDescriptors(prototype));

/** Input keys such as `__proto__.polluted` never reach a built-in prototype: no key added, none replaced. */
export function assertPristinePrototypes(): void {
  PROTOTYPES.forEach((prototype, i) => {
    const before = SNAPSHOT[i]!;
    const now = Object.getOwnPropertyDescriptors(prototype);
    assert.equal(Reflect.ownKeys(now), Reflect.ownKeys(before), 'no key added to a built-in prototype');
    for (const key of Reflect.ownKeys(before)) {
      const [was, is] = [before[key as string]!, now[key as string]!];
      assert.ok(was.value === is.value && was.get === is.get && was.set === is.set, `${String(key)} of a built-in prototype is unchanged`);
    }
  });
  assert.is(Object.getPrototypeOf({}), Object.prototype);
  assert.is(({} as Record<string, unknown>).polluted, undefined);
}

/**
 * Runs the function and checks what holds for any input: no throw, exit 0 or 1 matching
 * the error results, every result tagged, no internal error, no stack trace, and input it
 * could not read echoed back unchanged.
 */
export function checkedRun(input: string | Uint8Array, options: RunOptions = {}): RunResult {
  let result: RunResult;
  try {
    result = run(input, options);
  } catch (error) {
    throw new Error(`run threw: ${error instanceof Error ? error.stack : String(error)}`);
  }
  assertPristinePrototypes();
  assert.ok(result.exitCode === 0 || result.exitCode === 1, `exit code ${result.exitCode}`);
  assert.is(result.exitCode, result.results.some((r) => r.severity === 'error') ? 1 : 0, 'exit code follows the error results');
  for (const r of result.results) assert.type(r.tags.rule, 'string');
  const internal = result.results.find((r) => r.tags.rule === 'input/internal-error');
  assert.is(internal, undefined, `internal error: ${internal?.message ?? ''}`);
  assert.not.match(result.stderr, STACK_LINE, 'no stack trace');
  if (wholeInputError(result)) {
    const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
    assert.is(result.stdout, text, 'unreadable input is echoed');
  }
  return result;
}

/** Whether both YAML libraries read a text without errors (each is lenient somewhere). */
export function isYaml(text: string): boolean {
  try {
    if (!parseAllDocuments(text, { uniqueKeys: false, logLevel: 'silent' }).every((document) => document.errors.length === 0)) return false;
    loadAll(text, undefined, { schema: CORE_SCHEMA, json: true });
    return true;
  } catch {
    return false; // including a stack overflow on absurd nesting
  }
}

/** The output without its `results:` entry (a second run adds its own results to it). */
export function withoutResults(text: string): string {
  const source = readSource(text);
  let layout: InputLayout;
  try {
    layout = readLayout(source);
  } catch {
    return source.text; // a stream the thorough reader refuses has no results entry
  }
  return layout.results === undefined ? source.text : source.text.slice(0, layout.results.start) + source.text.slice(layout.results.end);
}

/** Texts of the items, in order, as the thorough reader finds them. */
export function itemTexts(text: string): string[] {
  const source = readSource(text);
  return parseLayout(source).slots.map((slot) => source.text.slice(slot.start, slot.end));
}

/** Running the output again changes no item (results aside). */
export function checkIdempotent(first: RunResult, options: RunOptions = {}): void {
  const second = checkedRun(first.stdout, options);
  assert.is(wholeInputError(second), false, 'the output is readable');
  assert.fixture(withoutResults(second.stdout), withoutResults(first.stdout));
}
