import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parse } from 'yaml';
import { analyze, analyzeCommand, EXPECTATION_RULES } from '../../src/analyze';
import { loadConfig } from '../../src/config/load';
import type { Config } from '../../src/config/types';
import type { Item } from '../../src/krm/item';
import { itemsFromYaml } from './items';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const CASES = ['001-three-tier', '002-cross-namespace', '003-egress-default-deny'];

/** The example's resources, as kustomize lists them, and its functionConfig. */
function load(name: string): { items: Item[]; config: Config } {
  const dir = join(EXAMPLES, name);
  const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as { resources: string[]; transformers: string[] };
  const items: Item[] = [];
  for (const file of kustomization.resources) items.push(...itemsFromYaml(readFileSync(join(dir, file), 'utf8'), items.length, file));
  const loaded = loadConfig(parse(readFileSync(join(dir, kustomization.transformers[0]!), 'utf8')));
  assert.equal(loaded.findings, [], `${name}: functionConfig loads`);
  return { items, config: loaded.config! };
}

for (const name of CASES) {
  test(`${name}: every declared expectation holds`, () => {
    const { items, config } = load(name);
    assert.ok(config.expectations.length >= 5);
    assert.equal(analyze({ items, config }), []);
  });

  test(`${name}: every expectation is decisive (flipping it breaks it)`, () => {
    const { items, config } = load(name);
    const flipped = { ...config, expectations: config.expectations.map((e) => ({ ...e, allowed: !e.allowed })) };
    const findings = analyze({ items, config: flipped });
    assert.equal(
      findings.map((f) => [f.ruleId, f.path]),
      config.expectations.map((_, i) => [EXPECTATION_RULES.broken, ['spec', 'expectations', i]]),
    );
  });

  test(`${name}: connection list matches expected/connlist.txt`, () => {
    const { items } = load(name);
    const actual = analyzeCommand(items, { format: 'txt' });
    const file = join(EXAMPLES, name, 'expected', 'connlist.txt');
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
      if (process.env.CI === 'true') assert.unreachable(`${file} missing under CI`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, actual);
    }
    assert.fixture(actual, readFileSync(file, 'utf8'));
  });
}

test.run();
