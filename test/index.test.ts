import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as library from '../src/index';
import { ROOT } from './helpers';

test('the library API runs the function as a pure call', () => {
  const result = library.run('apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: n}\nspec:\n  podSelector:\n    matchLabels: {app: web}\n');
  assert.is(result.exitCode, 0);
  assert.match(result.stdout, /matchExpressions/);
  assert.ok(result.results.some((r) => r.tags.rule === 'netpol-guard/selectors-harden'));
});

test('every registry is exported, and the bundle for it is built', () => {
  assert.ok(library.TRANSFORMS.length >= 3);
  assert.ok(library.RULES.length >= 10);
  assert.ok(library.STAGES.map((stage) => stage.name).join() === 'transform,validate,analyze');
  assert.ok(existsSync(join(ROOT, 'dist', 'index.js')), 'npm run build writes dist/index.js');
  const bundled = require(join(ROOT, 'dist', 'index.js')) as typeof library;
  assert.is(typeof bundled.run, 'function');
});

test.run();
