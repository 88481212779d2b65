import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../helpers';
import { analyzeCommand } from '../../src/analyze';
import { copyPackage, e2e, kptRender, kustomize } from '../e2e/harness';
import { itemsFromYaml } from './items';

const EXAMPLES = ['001-three-tier', '002-cross-namespace', '003-egress-default-deny'];
const e2eSuite = suite('examples 001-003 through the real kustomize and kpt');

/** `Kind namespace/name` of every object in a multi-document text. */
function identities(text: string): string[] {
  return parseAllDocuments(text)
    .map((document) => document.toJS() as { kind?: string; metadata?: { name?: string; namespace?: string } } | null)
    .filter((value) => value?.kind !== undefined)
    .map((value) => `${value!.kind} ${value!.metadata?.namespace ?? ''}/${value!.metadata?.name ?? ''}`)
    .sort();
}

/** Compares with a golden file; `UPDATE_GOLDEN=1` (never under CI) rewrites it. */
function golden(actual: string, file: string): void {
  if (process.env.UPDATE_GOLDEN === '1' && process.env.CI !== 'true') {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  assert.ok(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 and review it`);
  assert.fixture(actual, readFileSync(file, 'utf8'));
}

/** A copy of the example whose first expectation says the opposite. */
function flipped(name: string): string {
  const copy = copyPackage(join(ROOT, 'examples', name));
  const file = join(copy, 'netpol-guard.yaml');
  const text = readFileSync(file, 'utf8');
  const first = /allowed: (true|false)/.exec(text)!;
  writeFileSync(file, text.replace(first[0], `allowed: ${first[1] === 'true' ? 'false' : 'true'}`));
  return copy;
}

for (const name of EXAMPLES) {
  const dir = join(ROOT, 'examples', name);
  const sources = ['namespaces.yaml', 'workloads.yaml', 'policies.yaml'];

  e2e(e2eSuite, `${name}: kustomize build passes, keeps every resource, renders expected/kustomize.yaml`, ['kubectl'], () => {
    const result = kustomize(dir);
    assert.is(result.status, 0, result.stderr);
    assert.equal(identities(result.stdout), identities(sources.map((file) => readFileSync(join(dir, file), 'utf8')).join('\n---\n')));
    golden(result.stdout, join(dir, 'expected', 'kustomize.yaml'));
    // Hardened selectors mean the same: the rendered output allows exactly what the input does.
    assert.fixture(analyzeCommand(itemsFromYaml(result.stdout), { format: 'txt' }), readFileSync(join(dir, 'expected', 'connlist.txt'), 'utf8'));
  });

  e2e(e2eSuite, `${name}: kustomize build fails on a broken expectation, naming it`, ['kubectl'], () => {
    const result = kustomize(flipped(name));
    assert.is.not(result.status, 0);
    assert.match(result.stderr, /netpol\/expectation-broken/);
    assert.match(result.stderr, /spec\.expectations\[0\]/);
  });

  e2e(e2eSuite, `${name}: kpt fn render passes; rendered files match expected/kpt/ (the rest unchanged)`, ['kpt'], () => {
    const result = kptRender(dir);
    assert.is(result.status, 0, result.stderr);
    for (const file of readdirSync(dir).filter((entry) => entry.endsWith('.yaml') || entry === 'Kptfile')) {
      const rendered = readFileSync(join(result.dir, file), 'utf8');
      if (rendered === readFileSync(join(dir, file), 'utf8') && !existsSync(join(dir, 'expected', 'kpt', file))) continue;
      golden(rendered, join(dir, 'expected', 'kpt', file));
    }
  });

  e2e(e2eSuite, `${name}: kpt fn render fails on a broken expectation`, ['kpt'], () => {
    const result = kptRender(flipped(name));
    assert.is.not(result.status, 0);
    const output = `${result.stdout}${result.stderr}`;
    assert.match(output, /netpol\/expectation-broken/);
    assert.match(output, /spec\.expectations\[0\]/);
  });
}

e2eSuite.run();
