import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { run } from '../src/run';
import { ROOT, itemsOf, resultsOf } from './helpers';

const input = readFileSync(join(ROOT, 'examples', '004-zero-trust', 'input.yaml'), 'utf8');

test('the README example hardens every policy selector and its expectations hold', () => {
  const result = run(input);
  assert.is(result.exitCode, 0, result.stderr);
  const rules = resultsOf(result.stdout).map((r) => r.tags.rule);
  assert.is(rules.filter((rule) => rule === 'netpol-guard/selectors-harden').length, 11);
  assert.not.ok(rules.some((rule) => rule.startsWith('netpol/expectation')), 'every declared expectation holds');
  assert.is(itemsOf(result.stdout).length, itemsOf(input).length);
  assert.not.match(result.stdout.split('\nresults:')[0]!, /podSelector:\n\s+matchLabels/);
});

test('an expectation that contradicts the policies fails the run at its field path', () => {
  const flipped = input.replace('to: team-one-namespace/pod-2, port: 80, allowed: true', 'to: team-one-namespace/pod-2, port: 80, allowed: false');
  const result = run(flipped);
  assert.is(result.exitCode, 1);
  assert.ok(resultsOf(result.stdout).some((r) => r.tags.rule === 'netpol/expectation-broken' && r.field?.path === 'spec.expectations[0]'));
});

test.run();
