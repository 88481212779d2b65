import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkNetworkPolicy } from '../../../src/validate/api/check';
import { referenceAvailable, referencePolicies } from '../reference';

/**
 * np-guard's netpol-analyzer test manifests are real policies that clusters accepted; the
 * parity check must not reject them. Some were exported with `status: {}`, a field
 * NetworkPolicy had in 1.24–1.26 only: strict decoding rejects it from 1.27, and that must
 * be the only complaint.
 */
test('real-world policies from np-guard\'s cases pass the API-server check', () => {
  if (!referenceAvailable('API parity on np-guard manifests')) return;
  const policies = referencePolicies();
  assert.ok(policies.length > 50, `only ${policies.length} policies found`);
  for (const { file, value } of policies) {
    const at126 = checkNetworkPolicy(value, { major: 1, minor: 26 });
    assert.equal([...at126.errors, ...at126.warnings], [], file);
    const at136 = checkNetworkPolicy(value, { major: 1, minor: 36 });
    const expected = Object.prototype.hasOwnProperty.call(value, 'status') ? [['StrictDecoding', ['status']]] : [];
    assert.equal(at136.errors.map((error) => [error.type, error.path]), expected, file);
  }
});

test.run();
