import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cidrStrictness, parseKubeVersion } from '../../../src/validate/api/version';

test('versions 1.22 to 1.37 parse; anything else does not', () => {
  assert.equal(parseKubeVersion('1.36'), { major: 1, minor: 36 });
  assert.equal(parseKubeVersion('1.22'), { major: 1, minor: 22 });
  for (const text of ['1.21', '1.38', '2.0', '1.036', '1.3x', 'v1.36', '1.36.1', '']) assert.is(parseKubeVersion(text), undefined, text);
});

test('strict CIDR parsing: accepted before 1.33, warned 1.33 to 1.35, rejected from 1.36', () => {
  assert.equal([32, 33, 35, 36, 37].map((minor) => cidrStrictness({ major: 1, minor })), ['accept', 'warn', 'warn', 'reject', 'reject']);
});

test.run();
