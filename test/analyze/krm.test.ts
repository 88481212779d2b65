import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse, stringify } from 'yaml';
import { EXPECTATION_RULES, SUMMARY_RULES } from '../../src/analyze';
import { run } from '../../src/run';
import { resultsOf, ROOT } from '../helpers';

const EXAMPLE = join(ROOT, 'examples', '003-egress-default-deny');

/** Example 003 as a ResourceList, with its functionConfig edited by `edit`. */
function resourceList(edit: (config: { spec: { expectations: { allowed: boolean }[]; analysis?: object } }) => void): string {
  const items = ['namespaces.yaml', 'workloads.yaml', 'policies.yaml'].flatMap((file) =>
    readFileSync(join(EXAMPLE, file), 'utf8')
      .split(/^---$/m)
      .map((doc) => parse(doc) as unknown)
      .filter((doc) => doc !== null),
  );
  const config = parse(readFileSync(join(EXAMPLE, 'netpol-guard.yaml'), 'utf8')) as Parameters<typeof edit>[0];
  edit(config);
  return stringify({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items, functionConfig: config });
}

test('a broken expectation is an error result on the functionConfig; exit code 1', () => {
  const result = run(resourceList((config) => void (config.spec.expectations[2]!.allowed = true)));
  assert.is(result.exitCode, 1);
  const broken = resultsOf(result.stdout).filter((r) => r.tags.rule === EXPECTATION_RULES.broken);
  assert.equal(broken.map((r) => [r.severity, r.field?.path]), [['error', 'spec.expectations[2]']]);
  assert.equal((broken[0] as unknown as { resourceRef: { kind: string } }).resourceRef.kind, 'NetpolGuard');
});

test('summary: info results, connections attached to their source workload', () => {
  const result = run(resourceList((config) => void (config.spec.analysis = { summary: true, maxSummaryResults: 3 })));
  assert.is(result.exitCode, 0, result.stderr);
  const summary = resultsOf(result.stdout).filter((r) => r.tags.rule === SUMMARY_RULES.overview || r.tags.rule === SUMMARY_RULES.connection);
  assert.equal(summary.map((r) => [r.tags.rule, r.severity]), [
    [SUMMARY_RULES.overview, 'info'],
    [SUMMARY_RULES.connection, 'info'],
    [SUMMARY_RULES.connection, 'info'],
    [SUMMARY_RULES.connection, 'info'],
  ]);
  const refs = summary.slice(1).map((r) => (r as unknown as { resourceRef?: { kind: string } }).resourceRef?.kind);
  assert.ok(refs.every((kind) => kind === 'Deployment' || kind === 'StatefulSet'), refs.join(','));
});

test.run();
