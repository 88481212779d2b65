import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../helpers';
import { copyPackage, e2e, kptRender, kustomize } from '../e2e/harness';

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

  e2e(e2eSuite, `${name}: kustomize build passes and keeps every resource`, ['kubectl'], () => {
    const result = kustomize(dir);
    assert.is(result.status, 0, result.stderr);
    assert.equal(identities(result.stdout), identities(sources.map((file) => readFileSync(join(dir, file), 'utf8')).join('\n---\n')));
  });

  e2e(e2eSuite, `${name}: kustomize build fails on a broken expectation, naming it`, ['kubectl'], () => {
    const result = kustomize(flipped(name));
    assert.is.not(result.status, 0);
    assert.match(result.stderr, /netpol\/expectation-broken/);
    assert.match(result.stderr, /spec\.expectations\[0\]/);
  });

  e2e(e2eSuite, `${name}: kpt fn render passes and leaves the package as it was`, ['kpt'], () => {
    const result = kptRender(dir);
    assert.is(result.status, 0, result.stderr);
    for (const file of readdirSync(dir).filter((entry) => entry.endsWith('.yaml') || entry === 'Kptfile')) {
      assert.is(readFileSync(join(result.dir, file), 'utf8'), readFileSync(join(dir, file), 'utf8'), file);
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
