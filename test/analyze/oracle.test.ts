import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyzeCommand } from '../../src/analyze';
import { itemsFromDir } from './items';
import { CASES_DIR, referenceAvailable } from './reference';

/**
 * Documented normalisation (docs/analysis.md, "Compared with np-guard"): netpol-guard does
 * not model Ingress/Route objects, so np-guard's `{ingress-controller} => ...` lines are
 * dropped from the expected output; every other line must match exactly, in order.
 */
function normalise(expected: string): string {
  return expected
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('{ingress-controller}'))
    .map((line) => `${line}\n`)
    .join('');
}

if (referenceAvailable('connlist oracle')) {
  const cases = readdirSync(CASES_DIR).sort();
  test('the reference folder holds cases', () => {
    assert.ok(cases.length >= 15, `found ${cases.length} cases`);
  });
  for (const name of cases) {
    test(`np-guard connlist case ${name}`, () => {
      const items = itemsFromDir(join(CASES_DIR, name, 'input'));
      const expected = normalise(readFileSync(join(CASES_DIR, name, 'expected', 'connlist_output.txt'), 'utf8'));
      assert.fixture(analyzeCommand(items, { format: 'txt' }), expected);
    });
  }
}

test.run();
