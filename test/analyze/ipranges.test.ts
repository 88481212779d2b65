import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { blockAdmits, familySpace, formatRange, parseAddressOrCidr, parseCidr, parseIpBlock, splitAtoms } from '../../src/analyze/ipranges';

test('CIDRs parse with host bits ignored, as the API server reads them', () => {
  assert.is(formatRange(parseCidr('192.168.5.10/32')!), '192.168.5.10-192.168.5.10');
  assert.is(formatRange(parseCidr('10.1.2.3/8')!), '10.0.0.0-10.255.255.255');
  assert.is(formatRange(parseCidr('2001:db8::/126')!), '2001:db8::-2001:db8::3');
  assert.is(parseCidr('10.0.0.0'), undefined);
  assert.is(parseCidr('10/8'), undefined);
  assert.is(parseAddressOrCidr('142.250.0.1')?.start, parseAddressOrCidr('142.250.0.1/32')?.start);
  assert.is(parseIpBlock('10.0.0.0/8', ['bad']), undefined);
});

test('atoms split at every boundary and an ipBlock admits whole atoms', () => {
  const block = parseIpBlock('10.0.0.0/8', ['10.10.0.0/16'])!;
  const atoms = splitAtoms(familySpace(4), [block.cidr, ...block.except]);
  assert.equal(atoms.map(formatRange), ['0.0.0.0-9.255.255.255', '10.0.0.0-10.9.255.255', '10.10.0.0-10.10.255.255', '10.11.0.0-10.255.255.255', '11.0.0.0-255.255.255.255']);
  assert.equal(atoms.map((atom) => blockAdmits(block, atom)), [false, true, false, true, false]);
});

const cidr = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 24 })).map(([a, b, bits]) => parseCidr(`${a}.${b}.0.0/${bits}`)!);

test('atoms partition the space and never straddle a boundary', () => {
  fc.assert(
    fc.property(fc.array(cidr, { maxLength: 6 }), (ranges) => {
      const space = familySpace(4);
      const atoms = splitAtoms(space, ranges);
      assert.is(atoms[0]!.start, space.start);
      assert.is(atoms[atoms.length - 1]!.end, space.end);
      atoms.forEach((atom, i) => {
        assert.ok(atom.start <= atom.end);
        if (i > 0) assert.is(atom.start, atoms[i - 1]!.end + 1n);
        for (const range of ranges) {
          const inside = range.start <= atom.start && atom.end <= range.end;
          const outside = atom.end < range.start || range.end < atom.start;
          assert.ok(inside || outside);
        }
      });
    }),
  );
});

test.run();
