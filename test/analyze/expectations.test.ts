import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildClasses } from '../../src/analyze/classes';
import { evaluateExpectation, EXPECTATION_RULES, type ExpectationOutcome } from '../../src/analyze/expectations';
import { readInventory } from '../../src/analyze/inventory';
import type { Expectation } from '../../src/config/sections/expectations';
import { policy, toItems } from './fixtures';
import { SEED_003 } from './seeds';

function outcome(expectation: Expectation, extra: readonly object[] = []): ExpectationOutcome {
  const inventory = readInventory(toItems(...SEED_003, ...extra));
  const options = { ipBlocksMatchPods: false };
  return evaluateExpectation(expectation, inventory, buildClasses(inventory, options), options);
}

test('holds: ui reaches catalog, not catalog-mysql, not the internet', () => {
  assert.equal(outcome({ from: 'ui/ui', to: 'catalog/catalog', port: 8080, allowed: true }), { status: 'holds' });
  assert.equal(outcome({ from: 'ui/ui', to: 'catalog/catalog-mysql', port: 3306, allowed: false }), { status: 'holds' });
  assert.equal(outcome({ from: 'ui/ui', to: '142.250.0.1', port: 80, allowed: false }), { status: 'holds' });
});

test('denied when expected allowed: the isolating policies, and no rule opens it', () => {
  assert.equal(outcome({ from: 'ui/ui', to: 'catalog/catalog-mysql', port: 3306, allowed: true }), {
    status: 'broken',
    source: 'ui/ui[Deployment]',
    destination: 'catalog/catalog-mysql[Deployment]',
    reasons: [{ direction: 'egress', kind: 'no-rule', endpoint: 'ui/ui[Deployment]', isolatedBy: ['ui/default-deny', 'ui/allow-ui-egress'] }],
  });
});

test('allowed when expected denied: the rules that open it by path, and the open side', () => {
  assert.equal(outcome({ from: 'ui/ui', to: 'kube-system/coredns', port: 53, protocol: 'UDP', allowed: false }), {
    status: 'broken',
    source: 'ui/ui[Deployment]',
    destination: 'kube-system/coredns[Deployment]',
    reasons: [
      { direction: 'egress', kind: 'allowed-by', rules: [{ policy: 'ui/allow-ui-egress', path: ['spec', 'egress', 0, 'to', 1] }] },
      { direction: 'ingress', kind: 'not-isolated', endpoint: 'kube-system/coredns[Deployment]' },
    ],
  });
});

test('an ingress denial names the destination side only', () => {
  const lock = policy('catalog', 'catalog-ingress', { podSelector: { matchLabels: { 'app.kubernetes.io/component': 'service' } }, ingress: [{ ports: [{ port: 9090 }] }] });
  assert.equal(outcome({ from: 'ui/ui', to: 'catalog/catalog', port: 8080, allowed: true }, [lock]), {
    status: 'broken',
    source: 'ui/ui[Deployment]',
    destination: 'catalog/catalog[Deployment]',
    reasons: [{ direction: 'ingress', kind: 'no-rule', endpoint: 'catalog/catalog[Deployment]', isolatedBy: ['catalog/catalog-ingress'] }],
  });
});

test('a CIDR breaks at its first range that disagrees', () => {
  const open = policy('catalog', 'egress', {
    podSelector: {},
    policyTypes: ['Egress'],
    egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.0.0/16'] } }] }],
  });
  const result = outcome({ from: 'catalog/catalog', to: '10.0.0.0/8', port: 443, allowed: true }, [open]);
  assert.is(result.status, 'broken');
  assert.is(result.status === 'broken' && result.destination, '10.0.0.0-10.0.255.255');
  const allowed = outcome({ from: 'catalog/catalog', to: '10.0.0.0/8', port: 443, allowed: false }, [open]);
  assert.is(allowed.status === 'broken' && allowed.destination, '10.1.0.0-10.255.255.255');
});

test('unusable peers carry their rule id', () => {
  const ruleOf = (expectation: Expectation) => {
    const result = outcome(expectation);
    return result.status === 'unusable' ? result.ruleId : result.status;
  };
  assert.is(ruleOf({ from: 'ui/missing', to: 'catalog/catalog', allowed: true }), EXPECTATION_RULES.unknownPeer);
  assert.is(ruleOf({ from: 'ui/ui', to: 'Job:catalog/catalog', allowed: true }), EXPECTATION_RULES.unknownPeer);
  assert.is(ruleOf({ from: '10.0.0.1', to: '10.0.0.0/8', allowed: true }), EXPECTATION_RULES.invalid);
  assert.is(ruleOf({ from: 'not a ref', to: 'ui/ui', allowed: true }), EXPECTATION_RULES.invalid);
});

test.run();
