import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyze, EXPECTATION_RULES, IGNORED_POLICY_RULE, SUMMARY_RULES } from '../../src/analyze';
import type { Expectation } from '../../src/config/sections/expectations';
import { DEFAULT_CONFIG } from '../../src/config/sections';
import { FUNCTION_CONFIG_INDEX } from '../../src/krm/finding';
import type { Config } from '../../src/config/types';
import { deployment, policy, toItems } from './fixtures';
import { SEED_003 } from './seeds';

function config(expectations: Expectation[], analysis: Partial<Config['analysis']> = {}): Config {
  return { ...DEFAULT_CONFIG, expectations, analysis: { ...DEFAULT_CONFIG.analysis, ...analysis } };
}

function run(expectations: Expectation[], analysis: Partial<Config['analysis']> = {}, objects: readonly object[] = SEED_003) {
  return analyze({ items: toItems(...objects), config: config(expectations, analysis) });
}

test('seed 003 expectations hold: no findings', () => {
  const findings = run([
    { from: 'ui/ui', to: 'catalog/catalog', port: 8080, allowed: true },
    { from: 'Deployment:ui/ui', to: 'catalog/catalog-mysql', port: 3306, protocol: 'TCP', allowed: false },
    { from: 'ui/ui', to: '142.250.0.1', port: 80, allowed: false },
    { from: 'ui/ui', to: '0.0.0.0/0', allowed: false },
    { from: 'ui/ui', to: 'kube-system/coredns', port: 53, protocol: 'UDP', allowed: true },
    { from: '142.250.0.1', to: 'catalog/catalog', port: 8080, allowed: true },
    { from: 'catalog/catalog', to: '10.0.0.0/8', port: 443, allowed: true },
  ]);
  assert.equal(findings, []);
});

test('a broken "allowed: true" is an error on the functionConfig at its index', () => {
  const [finding, ...rest] = run([{ from: 'ui/ui', to: 'catalog/catalog-mysql', port: 3306, allowed: true }]);
  assert.equal(rest, []);
  assert.is(finding?.ruleId, EXPECTATION_RULES.broken);
  assert.is(finding?.severity, 'error');
  assert.equal(finding?.path, ['spec', 'expectations', 0]);
  assert.is(finding?.itemIndex, FUNCTION_CONFIG_INDEX);
});

test('only the broken expectation is reported', () => {
  const findings = run([{ from: 'ui/ui', to: 'catalog/catalog', port: 8080, allowed: true }, { from: 'ui/ui', to: 'catalog/catalog', port: 8080, allowed: false }]);
  assert.equal(findings.map((f) => [f.ruleId, f.path]), [[EXPECTATION_RULES.broken, ['spec', 'expectations', 1]]]);
});

test('a CIDR must hold for every address in it', () => {
  const p = policy('catalog', 'egress', {
    podSelector: { matchLabels: { 'app.kubernetes.io/name': 'catalog' } },
    policyTypes: ['Egress'],
    egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.9.0.0/16'] } }] }],
  });
  const findings = run(
    [
      { from: 'catalog/catalog', to: '10.0.0.0/8', allowed: true },
      { from: 'catalog/catalog', to: '10.0.0.0/8', allowed: false },
      { from: 'catalog/catalog', to: '10.1.0.0/16', allowed: true },
      { from: 'catalog/catalog', to: '10.9.0.0/16', allowed: false },
    ],
    {},
    [...SEED_003, p],
  );
  assert.equal(findings.map((f) => f.path), [['spec', 'expectations', 0], ['spec', 'expectations', 1]]);
});

test('unknown, ambiguous and malformed peers are errors', () => {
  const twin = { ...(deployment('ui', 'ui', { app: 'x' }) as Record<string, unknown>), kind: 'StatefulSet' };
  const findings = run(
    [
      { from: 'ui/nope', to: 'catalog/catalog', allowed: true },
      { from: 'ui/ui', to: 'not a peer', allowed: true },
      { from: '10.0.0.1', to: '10.0.0.2', allowed: false },
      { from: 'ui/ui', to: 'catalog/catalog', allowed: true },
      { from: 'StatefulSet:ui/ui', to: 'catalog/catalog', allowed: false },
    ],
    {},
    [...SEED_003, twin],
  );
  assert.equal(findings.map((f) => [f.ruleId, f.path]), [
    [EXPECTATION_RULES.unknownPeer, ['spec', 'expectations', 0]],
    [EXPECTATION_RULES.invalid, ['spec', 'expectations', 1]],
    [EXPECTATION_RULES.invalid, ['spec', 'expectations', 2]],
    [EXPECTATION_RULES.invalid, ['spec', 'expectations', 3]],
  ]);
});

test('nothing to do without expectations or summary', () => {
  assert.equal(run([]), []);
});

test('a policy the API server would reject is ignored, with a warning on its item', () => {
  const broken = policy('ui', 'broken', { podSelector: {}, ingress: [{ from: [{ ipBlock: { cidr: 'not-a-cidr' } }] }] });
  const findings = run([{ from: 'ui/ui', to: 'catalog/catalog', port: 8080, allowed: true }], {}, [...SEED_003, broken]);
  assert.equal(findings.map((f) => [f.ruleId, f.itemIndex, f.path]), [[IGNORED_POLICY_RULE, SEED_003.length, []]]);
});

test('summary: one overview, then connections up to the cap', () => {
  const findings = run([], { summary: true, maxSummaryResults: 2 });
  assert.equal(findings.map((f) => f.ruleId), [SUMMARY_RULES.overview, SUMMARY_RULES.connection, SUMMARY_RULES.connection]);
  assert.is(findings[0]?.itemIndex, undefined);
  assert.ok(findings.every((f) => f.severity === 'info'));
  const [, first] = findings;
  assert.is(typeof first?.itemIndex, 'number');
  const all = run([], { summary: true, maxSummaryResults: 1000 });
  assert.is(all.filter((f) => f.ruleId === SUMMARY_RULES.connection).length, all.length - 1);
});

test.run();
