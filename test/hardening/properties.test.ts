import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { KrmResult } from '../../src/krm/result';
import { documentsOf, itemsOf } from '../helpers';
import { functionConfig, resources } from './arbitraries';
import { checkedRun, checkIdempotent, isYaml, itemTexts, wholeInputError } from './check';
import { render, rerendered, style } from './render';

/** Deeper local fuzzing: HARDENING_RUNS=5000. */
const RUNS = Number(process.env.HARDENING_RUNS ?? 40);

function identity(value: unknown): string {
  const v = (typeof value === 'object' && value !== null ? value : {}) as { kind?: unknown; metadata?: { name?: unknown } };
  return `${String(v.kind)}/${String(v.metadata?.name)}`;
}

/** Whether a transform reported a change to this item (only those may differ in the output). */
function touched(item: Record<string, unknown>, results: readonly KrmResult[]): boolean {
  const name = (item.metadata as { name?: unknown } | undefined)?.name;
  return results.some((r) => r.tags.rule.startsWith('netpol-guard/') && r.resourceRef?.kind === item.kind && r.resourceRef?.name === (typeof name === 'string' ? name : ''));
}

test('property: random lists and streams never crash, keep every item in order, leave untouched items byte for byte, and settle after one run', () => {
  fc.assert(
    fc.property(resources, functionConfig, style, (items, config, s) => {
      const input = render(items, s.form === 'stream' ? undefined : config, s);
      const result = checkedRun(input);
      if (s.form === 'stream' && items.length === 0) {
        assert.equal(result.results.map((r) => r.tags.rule), ['input/empty-input']);
        return;
      }
      assert.is(wholeInputError(result), false, result.stderr);
      assert.ok(isYaml(result.stdout), 'output is YAML');
      const out = s.form === 'stream' ? documentsOf(result.stdout) : itemsOf(result.stdout);
      assert.equal(out.slice(0, items.length).map(identity), items.map(identity), 'same items, same order');
      if (!rerendered(s)) {
        const before = itemTexts(input);
        const after = itemTexts(result.stdout);
        items.forEach((item, i) => {
          if (!touched(item, result.results)) assert.is(after[i], before[i], `item ${i} untouched`);
        });
      }
      checkIdempotent(result);
    }),
    { numRuns: RUNS, includeErrorInReport: true },
  );
});

test.run();
