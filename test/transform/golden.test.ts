/**
 * Golden cases under test/golden/<case>/: input.yaml (a manifest stream), config.yaml (the
 * functionConfig, optional), expected.yaml (the output) and results.yaml (rule, severity,
 * resource and field of every result; messages are not compared). Each case also shows
 * idempotence: running the function on expected.yaml gives expected.yaml back.
 * UPDATE_GOLDEN=1 rewrites the expectations; review the diff.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { run } from '../../src/run';

const root = join(__dirname, '..', 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

function read(dir: string, name: string): string | undefined {
  const file = join(dir, name);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

function check(dir: string, name: string, actual: string): void {
  if (update) writeFileSync(join(dir, name), actual);
  else assert.fixture(actual, read(dir, name) ?? '', `${name} differs`);
}

const cases = readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

for (const name of cases) {
  test(name, () => {
    const dir = join(root, name);
    const input = read(dir, 'input.yaml') ?? '';
    const configText = read(dir, 'config.yaml');
    const options = { format: 'none' as const, ...(configText === undefined ? {} : { config: parse(configText) as unknown }) };
    const first = run(input, options);
    const results = first.results.map((r) => ({
      rule: r.tags.rule,
      severity: r.severity,
      ...(r.resourceRef === undefined ? {} : { resource: `${r.resourceRef.kind}/${r.resourceRef.namespace ?? ''}/${r.resourceRef.name}` }),
      ...(r.field === undefined ? {} : { field: r.field.path }),
    }));
    check(dir, 'expected.yaml', first.stdout);
    check(dir, 'results.yaml', results.length === 0 ? '[]\n' : stringify(results));
    const second = run(first.stdout, options);
    assert.fixture(second.stdout, first.stdout, 'a second run changes the output');
    assert.equal(second.results.filter((r) => r.severity === 'info'), [], 'a second run still reports changes');
  });
}

test.run();
