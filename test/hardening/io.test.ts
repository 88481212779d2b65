import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { run } from '../../src/run';
import { checkedRun } from './check';
import { HOSTILE_FLAT, HOSTILE_LIST, NAMED_FILES } from './hostile';
import { BUNDLE, has, spawn, testIf } from './process';

/** Module functions that touch files, processes or the network, by module. */
const TRAPS: Record<string, readonly string[]> = {
  'node:fs': ['open', 'openSync', 'readFile', 'readFileSync', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createReadStream', 'createWriteStream', 'mkdir', 'mkdirSync', 'readdir', 'readdirSync', 'stat', 'statSync', 'lstatSync', 'existsSync', 'accessSync', 'rmSync', 'unlinkSync', 'renameSync', 'copyFileSync', 'symlinkSync', 'realpathSync'],
  'node:fs/promises': ['open', 'readFile', 'writeFile', 'mkdir', 'readdir', 'stat', 'rm'],
  'node:child_process': ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'],
  'node:net': ['connect', 'createConnection', 'createServer'],
  'node:dns': ['lookup', 'resolve'],
  'node:http': ['request', 'get'],
  'node:https': ['request', 'get'],
  'node:vm': ['runInNewContext', 'runInThisContext', 'compileFunction'],
};

/** Runs `body` with every trapped function (and eval, Function) recording its calls instead. */
function recordingCalls(body: () => void): string[] {
  const calls: string[] = [];
  const restore: (() => void)[] = [];
  const trap = (target: Record<string, unknown>, name: string, label: string) => {
    const original = target[name];
    target[name] = (...args: unknown[]) => {
      calls.push(`${label}(${args.map((a) => String(a)).join(', ')})`);
      throw new Error(`${label} called`);
    };
    restore.push(() => void (target[name] = original));
  };
  for (const [id, names] of Object.entries(TRAPS)) {
    const module = require(id) as Record<string, unknown>;
    for (const name of names) trap(module, name, `${id}.${name}`);
  }
  trap(globalThis as unknown as Record<string, unknown>, 'eval', 'eval');
  trap(globalThis as unknown as Record<string, unknown>, 'Function', 'Function');
  try {
    body();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return calls;
}

test('in process: a run on hostile input opens no file, starts no process, connects nowhere, evaluates no code', () => {
  for (const input of [HOSTILE_LIST, HOSTILE_FLAT]) {
    const expected = run(input); // warms lazily loaded modules up before the traps go in
    const calls = recordingCalls(() => {
      const result = checkedRun(input);
      assert.is(result.stdout, expected.stdout);
    });
    assert.equal(calls, []);
  }
});

test('in process: the traps do catch a call (the check above can fail)', () => {
  const calls = recordingCalls(() => {
    try {
      (require('node:fs') as typeof import('node:fs')).readFileSync('/etc/passwd');
    } catch {
      // the trap throws after recording
    }
  });
  assert.equal(calls, ['node:fs.readFileSync(/etc/passwd)']);
});

const SYSCALLS = 'open,openat,openat2,creat,execve,execveat,connect,socket,bind,mkdir,mkdirat,unlink,unlinkat,rename,renameat,renameat2';
const WRITE_FLAGS = /O_WRONLY|O_RDWR|O_CREAT|O_TRUNC|O_APPEND/;

testIf(test, 'CLI under strace: one execve (node), no socket, no file written, none of the named files opened', has('strace') ? undefined : 'strace is not installed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-guard-strace-'));
  const trace = join(dir, 'trace');
  const result = spawn('strace', ['-f', '-qq', '-o', trace, '-e', `trace=${SYSCALLS}`, process.execPath, BUNDLE], HOSTILE_LIST, {}, dir);
  assert.ok(result.status === 0 || result.status === 1, result.stderr);
  const lines = readFileSync(trace, 'utf8').split('\n').filter((line) => line.trim() !== '');
  assert.is(lines.filter((line) => /execve(at)?\(/.test(line)).length, 1, 'only node itself is executed');
  assert.equal(lines.filter((line) => /\b(connect|socket|bind)\(/.test(line)), [], 'no network');
  assert.equal(lines.filter((line) => /\b(creat|mkdirat?|unlinkat?|renameat2?|rename)\(/.test(line) || (/open/.test(line) && WRITE_FLAGS.test(line))), [], 'nothing written');
  const opened = lines.filter((line) => /open/.test(line)).map((line) => /"([^"]*)"/.exec(line)?.[1] ?? '');
  assert.ok(opened.includes(BUNDLE), 'the trace sees the bundle being read');
  // relative names resolve in the working folder, `../../x` anywhere above it
  for (const name of NAMED_FILES) assert.equal(opened.filter((path) => path.endsWith(name.replace(/^(\.\.\/)+/, '/'))), [], `${name} never opened`);
  assert.equal(readdirSync(dir), ['trace'], 'no file appears in the working folder');
  rmSync(dir, { recursive: true, force: true });
});

test.run();
