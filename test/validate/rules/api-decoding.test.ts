import { test } from 'uvu';
import { apiDecoding } from '../../../src/validate/rules/api-decoding';
import { apiVersion } from '../../../src/validate/rules/api-version';
import { assertRuleCases, np } from './table';

test('netpol/api-decoding', () => {
  assertRuleCases(apiDecoding, [
    ['valid', np('a', '{podSelector: {}}'), []],
    ['unknown field', np('a', '{podSelector: {}, ingres: []}'), [[0, ['spec', 'ingres']]]],
    ['wrong type', np('a', '{ingress: [{ports: [{endPort: "80"}]}]}'), [[0, ['spec', 'ingress', 0, 'ports', 0, 'endPort']]]],
    ['label value not a string', np('a', '{podSelector: {matchLabels: {enabled: true}}}'), [[0, ['spec', 'podSelector', 'matchLabels', 'enabled']]]],
    ['other apiVersions are not decoded as v1', np('a', '{x: 1}').replace('networking.k8s.io/v1', 'projectcalico.org/v3'), []],
  ]);
});

test.run();
