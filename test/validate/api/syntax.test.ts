import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { dns1123LabelErrors, dns1123SubdomainErrors, labelWording, portNameErrors, qualifiedNameErrors, regexError } from '../../../src/validate/api/syntax';

const NEW = labelWording({ major: 1, minor: 36 });

test('regexError keeps the server\'s double space between examples', () => {
  assert.is(regexError('m', 'r', 'a', 'b'), "m (e.g. 'a',  or 'b', regex used for validation is 'r')");
  assert.is(regexError('m', 'r'), "m (regex used for validation is 'r')");
});

test('DNS labels single out dots; subdomains report length and syntax separately', () => {
  assert.equal(dns1123LabelErrors('a.b'), ['must not contain dots']);
  assert.equal(dns1123LabelErrors('ok-1'), []);
  assert.is(dns1123SubdomainErrors(`${'A'.repeat(254)}`).length, 2);
  assert.equal(dns1123SubdomainErrors('a.b-c.d'), []);
});

test('qualified names: prefix and name parts, lengths in bytes', () => {
  assert.equal(qualifiedNameErrors('example.com/Name_1', NEW), []);
  assert.equal(qualifiedNameErrors('/a', NEW), ['prefix part must be non-empty']);
  assert.equal(qualifiedNameErrors(`${'é'.repeat(32)}`, NEW).slice(0, 1), ['name part must be no more than 63 bytes']);
  assert.is(qualifiedNameErrors('a/', NEW).length, 2);
});

test('port names: each failed check is its own message', () => {
  assert.equal(portNameErrors('http'), []);
  assert.is(portNameErrors('').length, 2);
  assert.is(portNameErrors('-A--').length, 4);
  assert.equal(portNameErrors('abcdefghijklmnop'), ['must be no more than 15 characters']);
});

test.run();
