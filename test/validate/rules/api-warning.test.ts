import { test } from 'uvu';
import { apiWarning } from '../../../src/validate/rules/api-warning';
import { assertRuleCases, np } from './table';

test('netpol/api-warning', () => {
  assertRuleCases(apiWarning, [
    ['canonical', np('a', '{egress: [{to: [{ipBlock: {cidr: "2001:db8::/32"}}]}]}'), []],
    ['non-canonical IPv6', np('a', '{egress: [{to: [{ipBlock: {cidr: "2001:DB8::/32"}}]}]}'), [[0, ['spec', 'egress', 0, 'to', 0, 'ipBlock', 'cidr']]]],
    ['1.35 warns on sloppy forms', np('a', '{egress: [{to: [{ipBlock: {cidr: 10.0.0.1/8, except: [010.1.0.0/16]}}]}]}'), [
      [0, ['spec', 'egress', 0, 'to', 0, 'ipBlock', 'cidr']],
      [0, ['spec', 'egress', 0, 'to', 0, 'ipBlock', 'except', 0]],
    ], { kubernetesVersion: '1.35' }],
    ['1.32 says nothing', np('a', '{egress: [{to: [{ipBlock: {cidr: 10.0.0.1/8}}]}]}'), [], { kubernetesVersion: '1.32' }],
    ['an invalid policy gets errors, not warnings', np('a', '{egress: [{to: [{ipBlock: {cidr: "2001:DB8::/32"}}, {}]}]}'), []],
  ]);
});

test.run();
