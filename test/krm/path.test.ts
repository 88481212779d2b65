import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatPath, pathFromJsonPointer } from '../../src/krm/path';

test('formats like the API server, bracketing label keys', () => {
  assert.is(formatPath(['spec', 'ingress', 0, 'ports', 1, 'endPort']), 'spec.ingress[0].ports[1].endPort');
  assert.is(formatPath(['spec', 'podSelector', 'matchLabels', 'app.kubernetes.io/name']), 'spec.podSelector.matchLabels[app.kubernetes.io/name]');
  assert.is(formatPath([]), '');
});

test('JSON pointers become segments, numbers become indexes', () => {
  assert.equal(pathFromJsonPointer('/spec/ingress/0/from'), ['spec', 'ingress', 0, 'from']);
  assert.equal(pathFromJsonPointer('/metadata/labels/a~1b~0c'), ['metadata', 'labels', 'a/b~c']);
  assert.equal(pathFromJsonPointer('/a/01'), ['a', '01']);
  assert.equal(pathFromJsonPointer(''), []);
});

test.run();
