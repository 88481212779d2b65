// Writes V8's code caches for the command: `node code-cache-writer.cjs COMMAND WARMUP_INPUT`.
// It runs the command once on the warm-up ResourceList's items with a functionConfig that
// sets nothing (its own is replaced): the default settings, the path most runs take, with
// the functionConfig validated as a render's always is. Code a run takes beyond it (the
// analysis, off by default) compiles on demand, and the caches stay small, which matters:
// V8 reads all of a cache at start. The run is a child `node` with no flags (V8 takes a
// cache only under the flags it was made with, and the command runs with none), and the
// child writes, at exit, the cache of every script it compiled (the bundle and each part
// it loaded) beside that script, so functions the run compiled are in it. Needs no shell,
// so the container build can run it with the runtime image's own Node.
const { spawnSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');

/** A functionConfig that sets nothing. */
const DEFAULT_SETTINGS = 'functionConfig:\n  apiVersion: netpol-guard.dev/v1alpha1\n  kind: NetpolGuard\n  metadata:\n    name: warm-up\n';

if (process.env.NETPOL_GUARD_CODE_CACHE_COMMAND === undefined) {
  const [command, warmup] = process.argv.slice(2);
  if (command === undefined || warmup === undefined) throw new Error('usage: code-cache-writer.cjs COMMAND WARMUP_INPUT');
  const run = spawnSync(process.execPath, [__filename, '--format', 'none'], {
    input: `${readFileSync(warmup, 'utf8').split(/^functionConfig:/m)[0]}${DEFAULT_SETTINGS}`,
    env: { ...process.env, NETPOL_GUARD_CODE_CACHE_COMMAND: resolve(command) },
    stdio: ['pipe', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`the warm-up run failed (exit ${run.status})`);
} else {
  const { BUNDLE_FILE, caching, compileScript, runBundle, writeCodeCaches } = require(process.env.NETPOL_GUARD_CODE_CACHE_COMMAND);
  caching.read = false;
  process.on('exit', writeCodeCaches);
  runBundle(compileScript(BUNDLE_FILE));
}
