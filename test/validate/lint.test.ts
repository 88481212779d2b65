import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { canonicalJson, portOpensDns, selectorString } from '../../src/validate/lint';

test('selectors print in kubectl label-selector syntax', () => {
  assert.is(
    selectorString({
      matchLabels: { team: 'a', app: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'dev'] },
        { key: 'tier', operator: 'NotIn', values: ['db'] },
        { key: 'canary', operator: 'Exists', values: [] },
        { key: 'legacy', operator: 'DoesNotExist', values: [] },
      ],
    }),
    'app=web,team=a,env in (dev,prod),tier notin (db),canary,!legacy',
  );
});

test('DNS ports: 53 by number, range, all ports or the CoreDNS port names, per protocol', () => {
  assert.ok(portOpensDns({ protocol: 'UDP', port: { kind: 'range', from: 53, to: 53 } }, 'UDP'));
  assert.ok(portOpensDns({ protocol: 'TCP', port: { kind: 'range', from: 1, to: 1024 } }, 'TCP'));
  assert.ok(portOpensDns({ protocol: 'UDP', port: { kind: 'all' } }, 'UDP'));
  assert.ok(portOpensDns({ protocol: 'TCP', port: { kind: 'named', name: 'dns-tcp' } }, 'TCP'));
  assert.not.ok(portOpensDns({ protocol: 'TCP', port: { kind: 'range', from: 53, to: 53 } }, 'UDP'));
  assert.not.ok(portOpensDns({ protocol: 'UDP', port: { kind: 'range', from: 54, to: 100 } }, 'UDP'));
});

test('law: canonical JSON ignores key order and omitted keys', () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue(), (record, extra) => {
      const reversed = Object.fromEntries(Object.entries(record).reverse());
      assert.is(canonicalJson(record), canonicalJson(reversed));
      assert.is(canonicalJson({ ...record, written: extra }, ['written']), canonicalJson({ ...record, written: null }, ['written']));
    }),
  );
});

test.run();
