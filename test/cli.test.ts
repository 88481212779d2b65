import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ROOT } from './helpers';

const BUNDLE = join(ROOT, 'dist', 'netpol-guard.js');
const cli = (args: string[], input?: string) => spawnSync(process.execPath, [BUNDLE, ...args], { cwd: ROOT, encoding: 'utf8', ...(input === undefined ? {} : { input }) });

test('analyze prints the connection list of a folder', () => {
  const result = cli(['analyze', 'examples/003-egress-default-deny']);
  assert.is(result.status, 0, result.stderr);
  assert.match(result.stdout, /^ui\/ui\[Deployment\] => catalog\/catalog\[Deployment\] : /m);
  assert.not.match(result.stdout, /^ui\/ui\[Deployment\] => catalog\/catalog-mysql/m);
});

test('analyze reads stdin and renders every report format', () => {
  const manifests = 'apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: x, labels: {app: a}}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b, namespace: x, labels: {app: b}}\n';
  for (const [format, pattern] of [['txt', /x\/a\[Pod\] => x\/b\[Pod\]/], ['md', /\|/], ['dot', /digraph/], ['mermaid', /graph|flowchart/], ['json', /"src"|"source"|\[/]] as const) {
    const result = cli(['analyze', '--format', format], manifests);
    assert.is(result.status, 0, `${format}: ${result.stderr}`);
    assert.match(result.stdout, pattern, format);
  }
  assert.is(cli(['analyze', '--format', 'svg'], manifests).status, 2);
});

test('file mode reports results and exits 1 on errors, 0 otherwise', () => {
  const clean = cli(['--format', 'json', 'examples/004-zero-trust/base']);
  assert.ok(clean.status === 0 || clean.status === 1);
  const results = JSON.parse(clean.stdout) as { tags: { rule: string } }[];
  assert.ok(Array.isArray(results));
  assert.is(clean.status, results.some((r) => (r as { severity?: string }).severity === 'error') ? 1 : 0);
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

// stdin on a terminal means nobody piped a list in; a character device that is no terminal
// (/dev/null) is read like any input
test('on a terminal the command shows its help; /dev/null as stdin is an empty input', () => {
  const devNull = spawnSync('sh', ['-c', `"${process.execPath}" "${BUNDLE}" < /dev/null`], { encoding: 'utf8' });
  assert.is(devNull.status, 1);
  assert.match(devNull.stderr, /input\/empty-input/);
  if (!hasScript) return console.log('  (the terminal half is skipped: util-linux script is not installed)');
  // script(1) runs the command on a pseudo-terminal
  const onTerminal = spawnSync('script', ['-qec', `"${process.execPath}" "${BUNDLE}"`, '/dev/null'], { encoding: 'utf8', input: '' });
  assert.is(onTerminal.status, 0, onTerminal.stdout);
  assert.match(onTerminal.stdout, /^netpol-guard \d+\.\d+\.\d+: /);
  const analyze = spawnSync('script', ['-qec', `"${process.execPath}" "${BUNDLE}" analyze`, '/dev/null'], { encoding: 'utf8', input: '' });
  assert.is(analyze.status, 2);
  assert.match(analyze.stdout, /analyze needs PATH/);
});

test.run();
