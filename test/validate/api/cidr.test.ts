import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { goContains, goNetworkString, hasHostBits, parseCidrSloppy } from '../../../src/validate/api/cidr';

test("Go's net.ParseCIDR acceptance (sloppy)", () => {
  const accepted = [
    '10.0.0.0/8', '010.0.0.0/8', '10.0.0.0/008', '0000010.0.0.0/8', '10.0.0.1/8', '0.0.0.0/0', '255.255.255.255/32',
    '::/0', '::1/128', '2001:DB8::/32', '2001:db8:0:0:0:0:0:0/64', '::ffff:10.0.0.0/104', '::10.0.0.1/128',
    '1:2:3:4:5:6:1.2.3.4/96', '00002001:db8::/32', '1::/16', '::2:3:4:5:6:7:8/128',
  ];
  const rejected = [
    '', '10.0.0.0', '10.0.0.0/', '10.0.0.0/33', '10.0.0/8', '10.0.0.0.0/8', '256.0.0.0/8', ' 10.0.0.0/8', '10.0.0.0/8 ',
    '10.0.0.0/+8', '10.0.0.0/-1', '10.0.0.0/8/8', '2001:db8::/129', 'fe80::1%eth0/64', '[::1]/128', '1:2:3:4:5:6:7:8:9/128',
    '1::2::3/64', '12345:db8::/32', ':1::/64', '1:2:3:4:5:6:7::8/128', '1:2:3:4:5:6:7:8::/128', '1.2.3.4::/96', 'a.b.c.d/8',
  ];
  for (const text of accepted) assert.ok(parseCidrSloppy(text), `rejected ${text}`);
  for (const text of rejected) assert.is(parseCidrSloppy(text), undefined, `accepted ${text}`);
});

test('strict parsing flags leading zeros in octets, prefix lengths and over-long IPv6 groups', () => {
  for (const text of ['010.0.0.0/8', '10.0.0.00/8', '10.0.0.0/08', '::ffff:010.0.0.0/104', '00002001:db8::/32']) {
    assert.ok(parseCidrSloppy(text)?.nonStandard, text);
  }
  for (const text of ['10.0.0.0/8', '0.0.0.0/0', '2001:0db8::/32', '::/0']) assert.not.ok(parseCidrSloppy(text)?.nonStandard, text);
});

test('networks print as Go prints them', () => {
  assert.is(goNetworkString(parseCidrSloppy('010.1.2.3/16')!), '10.1.0.0/16');
  assert.is(goNetworkString(parseCidrSloppy('::ffff:10.2.3.4/112')!), '10.2.0.0/16');
  assert.is(goNetworkString(parseCidrSloppy('2001:DB8:0:0::1/64')!), '2001:db8::/64');
});

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
const ipv6 = fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 });

test('law: canonical IPv4 CIDRs parse to the network ipaddr.js computes, and are standard', () => {
  fc.assert(
    fc.property(ipv4, fc.integer({ min: 0, max: 32 }), (octets, prefix) => {
      const text = `${octets.join('.')}/${prefix}`;
      const cidr = parseCidrSloppy(text)!;
      assert.ok(cidr);
      assert.not.ok(cidr.nonStandard);
      assert.is(goNetworkString(cidr), `${ipaddr.IPv4.networkAddressFromCIDR(text).toString()}/${prefix}`);
      assert.is(hasHostBits(cidr), goNetworkString(cidr) !== text);
    }),
  );
});

test('law: zero-padding an IPv4 octet or the prefix keeps the network and makes it non-standard', () => {
  fc.assert(
    fc.property(ipv4, fc.integer({ min: 0, max: 32 }), fc.nat(3), fc.integer({ min: 1, max: 3 }), (octets, prefix, which, pad) => {
      const padded = octets.map((octet, index) => (index === which ? `${'0'.repeat(pad)}${octet}` : String(octet)));
      const plain = parseCidrSloppy(`${octets.join('.')}/${prefix}`)!;
      const sloppy = parseCidrSloppy(`${padded.join('.')}/${prefix}`)!;
      assert.ok(sloppy.nonStandard);
      assert.equal(sloppy.network, plain.network);
      assert.ok(parseCidrSloppy(`${octets.join('.')}/0${prefix}`)?.nonStandard);
    }),
  );
});

test('law: IPv6 CIDRs parse like ipaddr.js and containment agrees with ipaddr.js match', () => {
  fc.assert(
    fc.property(ipv6, fc.integer({ min: 0, max: 128 }), ipv6, (parts, prefix, other) => {
      const text = `${parts.map((p) => p.toString(16)).join(':')}/${prefix}`;
      const cidr = parseCidrSloppy(text)!;
      assert.equal([...cidr.ip], ipaddr.parse(text.split('/')[0]!).toByteArray());
      const otherAddress = new ipaddr.IPv6(other);
      if (otherAddress.isIPv4MappedAddress()) return;
      const otherBytes = otherAddress.toByteArray();
      if (cidr.network.slice(0, 12).join() === '0,0,0,0,0,0,0,0,0,0,255,255') return;
      assert.is(goContains(cidr, otherBytes), otherAddress.match(ipaddr.IPv6.parse(text.split('/')[0]!), prefix));
    }),
  );
});

test('law: IPv4 containment agrees with ipaddr.js; IPv4 never contains IPv6', () => {
  fc.assert(
    fc.property(ipv4, fc.integer({ min: 0, max: 32 }), ipv4, (octets, prefix, other) => {
      const cidr = parseCidrSloppy(`${octets.join('.')}/${prefix}`)!;
      assert.is(goContains(cidr, other), new ipaddr.IPv4(other).match(new ipaddr.IPv4(octets), prefix));
      assert.not.ok(goContains(cidr, [0x20, 0x01, ...new Array<number>(14).fill(0)]));
    }),
  );
});

test.run();
