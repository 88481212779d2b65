import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { flatPathOf } from '../../src/config/flat';
import { run } from '../../src/run';
import { resultsOf } from '../helpers';

test('a typed path maps to the flat data key that carries it', () => {
  assert.equal(flatPathOf(['spec', 'selectors', 'mode'], { 'selectors.mode': 'x' }), ['data', 'selectors.mode']);
  assert.equal(flatPathOf(['spec', 'expectations', 0, 'to'], { expectations: '[]' }), ['data', 'expectations']);
  assert.equal(flatPathOf(['spec', 'dns', 'ensure'], {}), ['data']);
  assert.equal(flatPathOf(['kind'], {}), ['kind']);
});

test('findings about a flat ConfigMap config point at its data key', () => {
  const list = [
    'apiVersion: config.kubernetes.io/v1',
    'kind: ResourceList',
    'items:',
    '- {apiVersion: v1, kind: Pod, metadata: {name: a, namespace: x, labels: {app: a}}}',
    'functionConfig:',
    '  apiVersion: v1',
    '  kind: ConfigMap',
    '  metadata: {name: c}',
    '  data:',
    '    expectations: "[{from: x/a, to: x/nope, port: 80, allowed: true}]"',
    '',
  ].join('\n');
  const result = run(list);
  assert.is(result.exitCode, 1);
  const finding = resultsOf(result.stdout).find((r) => r.tags.rule === 'netpol/expectation-unknown-peer');
  assert.is(finding?.field?.path, 'data.expectations');
});

test.run();
