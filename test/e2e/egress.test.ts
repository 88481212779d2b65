/**
 * Issue 4's proof with the real tools: seed 000's API overlays rendered by
 * `kubectl kustomize` and its kpt package rendered by `kpt fn render`, against the
 * outputs checked in beside them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../helpers';
import { e2e, kptRender, kustomize } from './harness';

const EXAMPLE = join(ROOT, 'examples', '000-http-sidecar');
const test = suite('overlay egress under kubectl kustomize and kpt (seed 000)');

function render(overlay: string): any[] {
  const dir = join(EXAMPLE, 'overlays', overlay);
  const result = kustomize(dir);
  assert.is(result.status, 0, result.stderr);
  assert.fixture(result.stdout, readFileSync(join(dir, 'expected.yaml'), 'utf8'), `${overlay}/expected.yaml`);
  return parseAllDocuments(result.stdout).map((doc) => doc.toJS());
}

e2e(test, 'orders-api: PostgreSQL 5432 in a generated API-specific policy beside proxy-allow', ['kubectl'], () => {
  const docs = render('orders-api');
  assert.equal(docs.map((d) => `${d.metadata.namespace}/${d.metadata.name}`), ['orders/orders-api-egress', 'orders/proxy-allow']);
  const generated = docs[0];
  assert.equal(generated.spec.policyTypes, ['Egress']);
  assert.equal(generated.spec.egress[0].ports, [{ port: 5432, protocol: 'TCP' }]);
  assert.is(generated.spec.podSelector.matchLabels, undefined);
  assert.is(generated.metadata.annotations, undefined, 'kustomize drops the kpt path annotations');
});

e2e(test, 'events-api: Kafka 9092-9094 joins proxy-allow\'s port-only rule', ['kubectl'], () => {
  const [policy] = render('events-api');
  assert.is(policy.spec.egress.length, 1);
  assert.equal(policy.spec.egress[0].ports.at(-1), { endPort: 9094, port: 9092, protocol: 'TCP' });
});

e2e(test, 'kpt fn render writes the generated policy to its own file, and a second render changes nothing', ['kpt'], () => {
  const first = kptRender(join(EXAMPLE, 'kpt'));
  assert.is(first.status, 0, first.stderr);
  for (const file of ['networkpolicy.yaml', 'orders-api-egress.yaml'])
    assert.fixture(readFileSync(join(first.dir, file), 'utf8'), readFileSync(join(EXAMPLE, 'kpt-expected', file), 'utf8'), file);
  const second = kptRender(first.dir);
  assert.is(second.status, 0, second.stderr);
  for (const file of ['networkpolicy.yaml', 'orders-api-egress.yaml'])
    assert.fixture(readFileSync(join(second.dir, file), 'utf8'), readFileSync(join(first.dir, file), 'utf8'), `${file} after a second render`);
});

test.run();
