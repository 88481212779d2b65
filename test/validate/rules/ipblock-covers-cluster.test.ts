import { test } from 'uvu';
import { ipBlockCoversCluster } from '../../../src/validate/rules/ipblock-covers-cluster';
import { assertRuleCases, np } from './table';

test('netpol/ipblock-covers-cluster', () => {
  const egress = (block: string) => np('p', `{podSelector: {}, egress: [{to: [{ipBlock: ${block}}]}]}`);
  const cluster = { clusterCIDRs: ['10.0.0.0/8', 'fd00::/8'] };
  assertRuleCases(ipBlockCoversCluster, [
    ['excepted', egress('{cidr: 0.0.0.0/0, except: [10.0.0.0/8, 192.168.0.0/16]}'), [], cluster],
    ['internet without except', egress('{cidr: 0.0.0.0/0}'), [[0, ['spec', 'egress', 0, 'to', 0, 'ipBlock', 'cidr']]], cluster],
    ['pod IPs by ipBlock', egress('{cidr: 10.1.2.0/24}'), [[0, ['spec', 'egress', 0, 'to', 0, 'ipBlock', 'cidr']]], cluster],
    ['outside', egress('{cidr: 192.168.5.10/32}'), [], cluster],
    ['IPv6', egress('{cidr: "::/0", except: ["fd00::/16"]}'), [[0, ['spec', 'egress', 0, 'to', 0, 'ipBlock', 'cidr']]], cluster],
    ['no clusterCIDRs configured', egress('{cidr: 0.0.0.0/0}'), []],
  ]);
});

test.run();
