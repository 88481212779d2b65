import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesDocument } from '../../src/validate/rules-doc';
import { RULES } from '../../src/validate/registry';

test('docs/rules.md is the generated text (run `npx tsx scripts/gen-rules-doc.ts`)', () => {
  const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
  assert.fixture(committed, rulesDocument());
});

test('every rule has a section with its id and default severity', () => {
  const text = rulesDocument();
  for (const rule of RULES) assert.ok(text.includes(`## \`${rule.id}\`\n\nDefault severity: **${rule.defaultSeverity}**`), rule.id);
});

test.run();
