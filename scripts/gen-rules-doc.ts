/** Writes docs/rules.md from the rule registry (id, default severity, summary, examples). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rulesDocument } from '../src/validate/rules-doc';

writeFileSync(join(__dirname, '..', 'docs', 'rules.md'), rulesDocument());
