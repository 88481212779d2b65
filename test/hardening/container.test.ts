/**
 * The container constraints, simulated without a container engine: kustomize runs the
 * image as `docker run --network none --user nobody`, users add a read-only root. Each
 * simulation needs root and a tool; without them it is skipped with the reason.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from '../helpers';
import { bundleCopy, has, spawn, testIf } from './process';

const INPUT = readFileSync(join(ROOT, 'examples', '004-zero-trust', 'input.yaml'), 'utf8');
const isRoot = process.getuid?.() === 0;
const hasNobody = spawnSync('id', ['nobody'], { encoding: 'utf8' }).status === 0;
const nogroup = spawnSync('getent', ['group', 'nogroup'], { encoding: 'utf8' }).status === 0 ? 'nogroup' : 'nobody';

/** Why a simulation cannot run here, or `undefined`. */
function missing(...needs: ('root' | 'nobody' | 'setpriv' | 'unshare')[]): string | undefined {
  for (const need of needs) {
    if (need === 'root' && !isRoot) return 'needs root (to drop privileges or make namespaces)';
    if (need === 'nobody' && !hasNobody) return 'there is no user nobody';
    if ((need === 'setpriv' || need === 'unshare') && !has(need)) return `${need} is not installed`;
  }
  return undefined;
}

const bundle = bundleCopy();
const normal = spawn(process.execPath, [bundle], INPUT);
const asNobody = ['setpriv', '--reuid=nobody', `--regid=${nogroup}`, '--clear-groups', process.execPath, bundle];

/** The run matches the unconstrained one: same output, same exit code. */
function assertSameAsNormal(result: ReturnType<typeof spawn>): void {
  assert.is(result.status, normal.status, result.stderr);
  assert.is(result.stdout, normal.stdout);
}

test('the unconstrained run works (the baseline the others compare with)', () => {
  assert.ok(normal.status === 0 || normal.status === 1, normal.stderr);
  assert.match(normal.stdout, /kind: ResourceList/);
});

testIf(test, 'as the nobody user', missing('root', 'nobody', 'setpriv'), () => {
  const result = spawn(asNobody[0]!, asNobody.slice(1), INPUT);
  assertSameAsNormal(result);
});

testIf(test, 'with no network', missing('root', 'unshare'), () => {
  assertSameAsNormal(spawn('unshare', ['--net', process.execPath, bundle], INPUT));
});

testIf(test, 'as nobody, no network, read-only root, cwd /', missing('root', 'nobody', 'setpriv', 'unshare'), () => {
  const script = `mount --make-rprivate / && mount -o remount,bind,ro / && cd / && exec ${asNobody.join(' ')}`;
  const result = spawn('unshare', ['--mount', '--net', 'sh', '-c', script], INPUT);
  assertSameAsNormal(result);
  // the simulation is real: in the same namespace setup, writing fails
  const probe = spawn('unshare', ['--mount', 'sh', '-c', 'mount --make-rprivate / && mount -o remount,bind,ro / && touch /tmp/netpol-guard-probe'], '');
  assert.is.not(probe.status, 0, 'the root is read-only in the simulation');
});

test.after(() => rmSync(dirname(bundle), { recursive: true, force: true }));

test.run();
