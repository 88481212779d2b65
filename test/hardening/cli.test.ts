import { spawn as spawnAsync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assertWellBehaved, BUNDLE, spawn } from './process';

const header = 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n';
const policy = '- apiVersion: networking.k8s.io/v1\n  kind: NetworkPolicy\n  metadata:\n    name: p\n    namespace: a\n  spec:\n    podSelector: {matchLabels: {app: a}}\n';
const bomb = Array.from({ length: 10 }, (_, i) => `    l${i}: &l${i} [${i === 0 ? 'x, x, x, x, x, x, x, x, x' : Array(9).fill(`*l${i - 1}`).join(', ')}]\n`).join('');
const cli = (input: string | Buffer, args: string[] = [], env: Record<string, string> = {}) => spawn(process.execPath, [BUNDLE, ...args], input, env);

const NASTY: Record<string, string | Buffer> = {
  'random bytes': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
  'invalid UTF-8 and NUL': Buffer.concat([Buffer.from(header + policy), Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x0a])]),
  'deep flow nesting': `${header}${policy}    ingress: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
  'deep JSON list': `{"apiVersion":"config.kubernetes.io/v1","kind":"ResourceList","items":[${'['.repeat(20_000)}${']'.repeat(20_000)}]}`,
  'deep block sequence': `${header}${policy}    ingress:\n    ${'- '.repeat(20_000)}x\n`,
  'alias bomb in a policy': `${header}${policy}    egress:\n${bomb}`,
  'alias bomb in the functionConfig': `${header}${policy}functionConfig:\n  data:\n${bomb}`,
  'a 256 KB single line': `${header}${policy}    x: "${'a'.repeat(256 * 1024)}"\n`,
  'BOM, CRLF and tabs': `\ufeff${header}${policy}`.replace(/\n/g, '\r\n').replace('spec:', 'spec:\t'),
  'ambiguous alias and odd tags': `${header}${policy}    x: !!binary *a:\n    y: !include /etc/passwd\n`,
  'a truncated list': `${header}${policy}`.slice(0, 120),
  'only a document end': '...\n',
};

for (const [name, input] of Object.entries(NASTY)) {
  test(`CLI on ${name}: exit 0/1, no stack trace, stdout YAML or the input echoed`, () => {
    const result = cli(input);
    assertWellBehaved(result, Buffer.isBuffer(input) ? input.toString('utf8') : input);
    assert.ok(result.status !== 2, 'stdin mode has no usage errors');
  });
}

test('CLI: NETPOL_GUARD_MAX_INPUT_BYTES refuses larger input with the rule id, echoing it', () => {
  const input = `${header}${policy}`;
  const result = cli(input, [], { NETPOL_GUARD_MAX_INPUT_BYTES: String(Buffer.byteLength(input) - 1) });
  assertWellBehaved(result, input);
  assert.is(result.status, 1);
  assert.is(result.stdout, input);
  assert.match(result.stderr, /input\/input-too-large/);
  assert.is(cli(input, [], { NETPOL_GUARD_MAX_INPUT_BYTES: String(Buffer.byteLength(input)) }).status, 0);
});

test('CLI: a malformed NETPOL_GUARD_MAX_INPUT_BYTES or a bad --config is a usage error (exit 2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-guard-config-'));
  const bombConfig = join(dir, 'bomb.yaml');
  writeFileSync(bombConfig, `apiVersion: v1\nkind: ConfigMap\ndata:\n${bomb}`);
  const input = `${header}${policy}`;
  for (const result of [
    cli(input, [], { NETPOL_GUARD_MAX_INPUT_BYTES: '1e9' }),
    cli(input, ['--config', join(dir, 'missing.yaml')]),
    cli(input, ['--config', bombConfig]),
    cli(input, ['--no-such-flag']),
  ]) {
    assertWellBehaved(result, input);
    assert.is(result.status, 2, result.stderr);
  }
  rmSync(dir, { recursive: true, force: true });
});

test('CLI: a --config that is not valid YAML names the file and the line (exit 2)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-guard-config-'));
  const input = `${header}${policy}`;
  const cases = [
    ['duplicate.yaml', 'apiVersion: netpol-guard.dev/v1alpha1\nkind: NetpolGuard\nkind: NetpolGuard\n', /duplicate\.yaml is not valid YAML: duplicated mapping key \(line 3, column 1\)/],
    ['cut.yaml', 'apiVersion: netpol-guard.dev/v1alpha1\nkind: NetpolGuard\nspec:\n  selectors: {mode: check\n', /cut\.yaml is not valid YAML: .*flow collection \(line 5, column 1\)/],
  ] as const;
  for (const [name, text, message] of cases) {
    writeFileSync(join(dir, name), text);
    const result = cli(input, ['--config', join(dir, name)]);
    assertWellBehaved(result, input);
    assert.is(result.status, 2, result.stderr);
    assert.match(result.stderr, message);
  }
  rmSync(dir, { recursive: true, force: true });
});

test('file mode --write never writes a generated policy outside the folder it checks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-guard-write-'));
  const repo = join(dir, 'repo');
  mkdirSync(join(repo, 'm'), { recursive: true });
  writeFileSync(join(repo, 'm', 'ns.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n');
  const outside = join(dir, 'outside-abs.yaml');
  for (const path of ['../outside.yaml', outside, 'm/../../outside.yaml']) {
    const config = `apiVersion: netpol-guard.dev/v1alpha1\nkind: NetpolGuard\nmetadata: {name: cfg}\nspec:\n  egress:\n    grants:\n    - name: gen\n      ports: [{port: 443}]\n      to: [{ipBlock: {cidr: 10.0.0.0/8}}]\n      generate: {name: gen, namespace: a, podSelector: {}, path: "${path}"}\n`;
    writeFileSync(join(repo, 'cfg.yaml'), config);
    const result = spawn(process.execPath, [BUNDLE, '--write', '--config', 'cfg.yaml', 'm'], '', {}, repo);
    assert.is(result.status, 2, `${path}: ${result.stderr}`);
    assert.not.match(result.stderr, /\n\s+at /);
  }
  assert.equal(readdirSync(dir), ['repo']);
  assert.is(existsSync(outside), false);
  // inside the folder it still writes
  writeFileSync(join(repo, 'cfg.yaml'), readFileSync(join(repo, 'cfg.yaml'), 'utf8').replace(/path: "[^"]*"/, 'path: "gen.yaml"'));
  assert.is(spawn(process.execPath, [BUNDLE, '--write', '--config', 'cfg.yaml', 'm'], '', {}, repo).status, 0);
  assert.ok(existsSync(join(repo, 'm', 'gen.yaml')));
  rmSync(dir, { recursive: true, force: true });
});

test('CLI: a reader that stops early (| head) ends the run without a stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-guard-pipe-'));
  const errors = join(dir, 'stderr');
  const big = `${header}${Array.from({ length: 5_000 }, (_, i) => `- {apiVersion: v1, kind: ConfigMap, metadata: {name: c${i}}, data: {a: "${'x'.repeat(100)}"}}\n`).join('')}`;
  const result = spawn('sh', ['-c', `"${process.execPath}" "${BUNDLE}" 2>"${errors}" | head -c 10 >/dev/null`], big);
  assert.is(result.status, 0);
  assert.is(readFileSync(errors, 'utf8'), '');
  rmSync(dir, { recursive: true, force: true });
});

test('CLI: when the reader stops early, the run still ends with its own exit code', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netpol-guard-pipe-'));
  const status = join(dir, 'status');
  // every policy has a policyType the API server rejects: exit 1, and a long output
  const invalid = `${header}${Array.from({ length: 3_000 }, (_, i) => policy.replace('name: p', `name: p${i}`) + '    policyTypes: [Bogus]\n').join('')}`;
  const result = spawn('sh', ['-c', `("${process.execPath}" "${BUNDLE}" 2>/dev/null; echo $? >"${status}") | head -c 10 >/dev/null`], invalid);
  assert.is(result.status, 0);
  assert.is(readFileSync(status, 'utf8').trim(), '1');
  rmSync(dir, { recursive: true, force: true });
});

test('CLI: stdin arriving slowly on a non-blocking pipe is read to its end', async () => {
  const input = `${header}${Array.from({ length: 2_000 }, (_, i) => policy.replace('name: p', `name: p${i}`)).join('')}`;
  const expected = cli(input);
  // a paused process.stdin leaves fd 0 non-blocking: plain reads meet EAGAIN and the stream takes over
  const child = spawnAsync(process.execPath, ['--require', join(__dirname, 'pause-stdin.cjs'), BUNDLE], { cwd: '/', env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const bytes = Buffer.from(input);
  // long pauses: the command starts and drains the pipe while the rest is still to come
  for (let at = 0; at < bytes.length; at += 128 * 1024) {
    child.stdin.write(bytes.subarray(at, at + 128 * 1024));
    await new Promise((resolve) => setTimeout(resolve, at === 0 ? 400 : 50));
  }
  child.stdin.end();
  assert.is(await closed, expected.status);
  assert.is(errors, expected.stderr);
  assert.is(Buffer.concat(chunks).toString('utf8'), expected.stdout);
});

test.run();
