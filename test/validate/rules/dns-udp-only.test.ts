import { test } from 'uvu';
import { dnsUdpOnly } from '../../../src/validate/rules/dns-udp-only';
import { assertRuleCases, np } from './table';

const DNS = '[{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]';

test('netpol/dns-udp-only', () => {
  assertRuleCases(dnsUdpOnly, [
    ['both', np('d', `{podSelector: {}, egress: [{ports: ${DNS}}]}`), []],
    ['UDP only', np('d', '{podSelector: {}, egress: [{ports: [{port: 443}, {protocol: UDP, port: 53}]}]}'), [[0, ['spec', 'egress', 0, 'ports', 1]]]],
    ['TCP in another rule of the policy', np('d', '{podSelector: {}, egress: [{ports: [{protocol: UDP, port: 53}]}, {ports: [{port: 53}]}]}'), []],
    ['named dns port on UDP', np('d', '{podSelector: {}, egress: [{ports: [{protocol: UDP, port: dns}]}]}'), [[0, ['spec', 'egress', 0, 'ports', 0]]]],
    ['ingress DNS is not egress', np('d', '{podSelector: {}, ingress: [{ports: [{protocol: UDP, port: 53}]}]}'), []],
  ]);
});

test.run();
