import { CORE_SCHEMA, load, type Type } from 'js-yaml';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CORE_SCALAR_TYPES } from '../../src/krm/js-yaml-lib';
import { plainScalar } from '../../src/krm/block-value';

test('the scalar types loaded from their files are the implicit types of js-yaml\'s CORE_SCHEMA, in order', () => {
  const tagOf = (type: Type): string => (type as unknown as { tag: string }).tag;
  const implicit = (CORE_SCHEMA as unknown as { implicit: readonly Type[] }).implicit;
  assert.equal(CORE_SCALAR_TYPES.map(tagOf), implicit.map(tagOf));
  // the same modules, not copies: js-yaml's schema is built from these very objects
  CORE_SCALAR_TYPES.forEach((type, index) => assert.ok(type === implicit[index], tagOf(type)));
});

test('a plain scalar resolves as js-yaml reads it', () => {
  const words = ['~', 'null', 'Null', 'NULL', 'true', 'False', 'yes', 'on', '0', '-12', '0x1F', '0o17', '0b101', '1_000', '3.5', '.inf', '-.Inf', '.nan', '1e3', '6.8523015e+5', '010', '+1', 'TCP', 'app-0', '10.0.0.0/8', '8.8.8.8', '2024-01-01', '1:30'];
  for (const word of words) {
    const expected = load(`v: ${word}`, { schema: CORE_SCHEMA }) as { v: unknown };
    assert.ok(Object.is(plainScalar(word), expected.v), `${word}: ${String(plainScalar(word))} vs ${String(expected.v)}`);
  }
});

test.run();
