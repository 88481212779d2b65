import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { RULES } from '../../src/validate/registry';
import { contextFromYaml } from './items';

test('rule ids are unique and follow netpol/<name>', () => {
  const ids = RULES.map((rule) => rule.id);
  assert.is(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^netpol\/[a-z0-9]+(-[a-z0-9]+)*$/);
});

test('every rule accepts its valid example and reports its invalid one', () => {
  for (const rule of RULES) {
    const valid = rule.check(contextFromYaml(rule.example.valid, rule.example.settings));
    assert.equal(valid, [], `${rule.id} reports its valid example`);
    const invalid = rule.check(contextFromYaml(rule.example.invalid, rule.example.settings));
    assert.ok(invalid.length > 0, `${rule.id} misses its invalid example`);
  }
});

test.run();
