import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyze, analyzeCommand, REPORT_FORMATS } from '../../src/analyze';
import { DEFAULT_CONFIG } from '../../src/config/sections';
import type { Item } from '../../src/krm/item';

const KINDS = ['NetworkPolicy', 'Deployment', 'Pod', 'CronJob', 'Namespace', 'List', 'PodList', 'NetworkPolicyList'];

/** Values shaped enough like objects to reach deep into the readers, with junk anywhere. */
const junk = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.anything(),
    fc.dictionary(fc.constantFrom('metadata', 'spec', 'template', 'items', 'ingress', 'egress', 'from', 'to', 'ports', 'ipBlock', 'cidr', 'except', 'podSelector', 'namespaceSelector', 'matchLabels', 'containers', 'status', 'podIP', 'ownerReferences', 'name', 'namespace', 'labels', 'port', 'endPort', 'protocol', 'policyTypes'), tie('value')),
    fc.array(tie('value'), { maxLength: 3 }),
  ),
})).value;

/** Valid-looking objects with junk in the places the readers look into. */
const holes = fc.oneof(
  junk.map((hole) => ['NetworkPolicy', { metadata: { name: 'p', namespace: 'n' }, spec: { podSelector: {}, ingress: [{ from: hole }], egress: [{ to: [{ ipBlock: hole }], ports: hole }] } }] as [string, unknown]),
  junk.map((hole) => ['NetworkPolicy', { metadata: { name: 'p' }, spec: { podSelector: hole, policyTypes: hole } }] as [string, unknown]),
  junk.map((hole) => ['Deployment', { metadata: { name: 'd', namespace: hole }, spec: { template: { metadata: { labels: hole }, spec: { containers: [{ ports: hole }, hole] } } } }] as [string, unknown]),
  junk.map((hole) => ['Pod', { metadata: { name: 'p', namespace: 'n', ownerReferences: [hole, { controller: true, kind: hole, name: 'o' }] }, status: { podIP: hole, podIPs: hole } }] as [string, unknown]),
  junk.map((hole) => ['Namespace', { metadata: { name: 'n', labels: hole } }] as [string, unknown]),
  junk.map((hole) => ['List', { items: [hole, { kind: 'NetworkPolicy', metadata: { name: 'q', namespace: 'n' }, spec: hole }] }] as [string, unknown]),
);

function items(values: readonly [string, unknown][]): Item[] {
  return values.map(([kind, value], index) => ({
    index,
    ref: { apiVersion: 'v1', kind, name: `x${index}` },
    file: undefined,
    value,
    document: () => {
      throw new Error('the analysis never edits');
    },
  }));
}

test('any input: the reports and the stage return, never throw', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.tuple(fc.constantFrom(...KINDS), junk), holes), { maxLength: 6 }), fc.constantFrom(...REPORT_FORMATS), (values, format) => {
      const list = items(values);
      assert.type(analyzeCommand(list, { format, ipBlocksMatchPods: true }), 'string');
      const config = { ...DEFAULT_CONFIG, analysis: { ...DEFAULT_CONFIG.analysis, summary: true }, expectations: [{ from: 'a/b', to: '10.0.0.0/8', allowed: false }] };
      assert.ok(Array.isArray(analyze({ items: list, config })));
    }),
    { numRuns: 150 },
  );
});

test.run();
