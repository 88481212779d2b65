import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runAnalyze, runFiles } from '../../src/run';
import { functionConfig, resources } from './arbitraries';
import { checkedRun, checkIdempotent, isYaml, wholeInputError } from './check';
import { mutate, mutation } from './mutate';
import { render, style } from './render';

/** Deeper local fuzzing: HARDENING_RUNS=5000. */
const RUNS = Number(process.env.HARDENING_RUNS ?? 100);
const OPTIONS = { numRuns: RUNS, includeErrorInReport: true };
/** Mutated lists are processed twice: fewer of them keep the suite fast. */
const MUTATION_OPTIONS = { ...OPTIONS, numRuns: Math.ceil(RUNS / 2) };

/** Readable output stays readable, and a second run changes no item. */
function checkReadable(input: string): void {
  const result = checkedRun(input);
  if (wholeInputError(result)) return;
  // a second BOM is content to one YAML reader and a mark to another: no oracle there
  if (isYaml(input) && !input.slice(1).includes('\ufeff')) assert.ok(isYaml(result.stdout), 'YAML in, YAML out');
  if (result.results.some((r) => r.tags.rule === 'krm/yaml-syntax')) return; // broken items pass through as they were
  checkIdempotent(result);
}

test('property: random bytes never crash the function', () => {
  fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => void checkedRun(bytes)), OPTIONS);
});

const TOKENS = ['-', ' ', '  ', ':', '{', '}', '[', ']', ',', '#', '&a', '*a', '!', '!!str', '|', '>', "'", '"', '%', '@', '`', '?', '\n', '\t', '\r\n', '\ufeff', '\0', '---', '...', 'items', 'kind', 'apiVersion', 'ResourceList', 'NetworkPolicy', 'config.kubernetes.io/v1', 'functionConfig', 'spec', 'podSelector', '<<', '__proto__'];

test('property: YAML token soup never crashes the function', () => {
  fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), (tokens) => checkReadable(tokens.join(''))), OPTIONS);
});

test('property: valid inputs with a few random edits never crash, and readable ones come back readable', () => {
  fc.assert(
    fc.property(resources, functionConfig, style, fc.array(mutation, { minLength: 1, maxLength: 3 }), (items, config, s, mutations) => {
      checkReadable(mutations.reduce(mutate, render(items, config, s)));
    }),
    MUTATION_OPTIONS,
  );
});

test('property: file mode and analyze never throw on mutated files, and report with rule ids', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(resources, style, mutation), { minLength: 1, maxLength: 3 }), functionConfig, (files, config) => {
      const texts = files.map(([items, s, m], i) => ({ path: `f${i}.yaml`, text: mutate(render(items, undefined, { ...s, form: 'stream' }), m) }));
      const options = config === undefined ? {} : { config };
      const checked = runFiles(texts, options);
      assert.ok(checked.exitCode === 0 || checked.exitCode === 1);
      assert.ok(checked.results.every((r) => typeof r.tags.rule === 'string' && r.tags.rule !== 'input/internal-error'));
      const analysed = runAnalyze(texts, { ...options, report: 'txt' });
      assert.ok(analysed.exitCode === 0 || analysed.exitCode === 1);
      assert.not.match(analysed.stderr, /internal error/);
    }),
    MUTATION_OPTIONS,
  );
});

test.run();
