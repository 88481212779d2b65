import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ALL_CONNS, NO_CONNS, PROTOCOLS, connsEqual, formatConns, hasPort, intersect, isAll, isEmpty, portRange, union, type ConnSet } from '../../src/analyze/conns';

const protocol = fc.constantFrom(...PROTOCOLS);
const port = fc.integer({ min: 1, max: 65535 });
const small = fc.integer({ min: 1, max: 40 });
const conns: fc.Arbitrary<ConnSet> = fc
  .array(fc.tuple(protocol, small, small), { maxLength: 5 })
  .map((ranges) => ranges.reduce((acc, [p, a, b]) => union(acc, portRange(p, Math.min(a, b), Math.max(a, b))), NO_CONNS));

test('wording follows np-guard connlist', () => {
  assert.is(formatConns(ALL_CONNS), 'All Connections');
  assert.is(formatConns(union(portRange('UDP', 53, 53), portRange('TCP', 10053, 10053))), 'TCP 10053,UDP 53');
  const most = union(union(portRange('TCP', 1, 79), portRange('TCP', 81, 65535)), union(portRange('SCTP', 1, 65535), portRange('UDP', 53, 53)));
  assert.is(formatConns(most), 'SCTP 1-65535,TCP 1-79,81-65535,UDP 53');
  assert.ok(isAll(union(union(portRange('TCP', 1, 65535), portRange('UDP', 1, 65535)), portRange('SCTP', 1, 65535))));
});

test('adjacent and overlapping ranges merge into canonical intervals', () => {
  assert.equal(union(portRange('TCP', 1, 5), portRange('TCP', 6, 9)).TCP, [[1, 9]]);
  assert.equal(union(portRange('TCP', 1, 5), portRange('TCP', 3, 4)).TCP, [[1, 5]]);
  assert.equal(intersect(portRange('TCP', 1, 5), portRange('TCP', 6, 9)).TCP, []);
});

test('membership: union is or, intersect is and', () => {
  fc.assert(
    fc.property(conns, conns, protocol, small, (a, b, p, n) => {
      assert.is(hasPort(union(a, b), p, n), hasPort(a, p, n) || hasPort(b, p, n));
      assert.is(hasPort(intersect(a, b), p, n), hasPort(a, p, n) && hasPort(b, p, n));
    }),
  );
});

test('algebra: commutative, associative, identities, canonical equality', () => {
  fc.assert(
    fc.property(conns, conns, conns, (a, b, c) => {
      assert.ok(connsEqual(union(a, b), union(b, a)));
      assert.ok(connsEqual(intersect(a, b), intersect(b, a)));
      assert.ok(connsEqual(union(union(a, b), c), union(a, union(b, c))));
      assert.ok(connsEqual(intersect(a, union(b, c)), union(intersect(a, b), intersect(a, c))));
      assert.ok(connsEqual(union(a, NO_CONNS), a));
      assert.ok(connsEqual(intersect(a, ALL_CONNS), a));
      assert.is(isEmpty(intersect(a, NO_CONNS)), true);
    }),
  );
});

test('every port of the full range is a member of ALL_CONNS', () => {
  fc.assert(fc.property(protocol, port, (p, n) => hasPort(ALL_CONNS, p, n) && !hasPort(NO_CONNS, p, n)));
});

test.run();
