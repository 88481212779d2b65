import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { analyzeCommand, REPORT_FORMATS } from '../../src/analyze';
import { deployment, policy, toItems } from './fixtures';

const ITEMS = toItems(
  deployment('default', 'frontend', { app: 'frontend' }, [8080]),
  deployment('default', 'backend', { app: 'backend' }, [9090]),
  policy('default', 'backend', { podSelector: { matchLabels: { app: 'backend' } }, ingress: [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ port: 9090 }] }] }),
  policy('default', 'frontend', {
    podSelector: { matchLabels: { app: 'frontend' } },
    policyTypes: ['Ingress', 'Egress'],
    ingress: [{ from: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ port: 8080 }] }],
    egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }, { to: [{ podSelector: { matchLabels: { app: 'backend' } } }], ports: [{ port: 9090 }] }],
  }),
);

test('txt: np-guard connlist lines (egress AND ingress: UDP 53 is not open at backend)', () => {
  assert.fixture(
    analyzeCommand(ITEMS, { format: 'txt' }),
    [
      '0.0.0.0-255.255.255.255[External] => default/frontend[Deployment] : TCP 8080',
      'default/backend[Deployment] => 0.0.0.0-255.255.255.255[External] : All Connections',
      'default/frontend[Deployment] => 0.0.0.0-255.255.255.255[External] : UDP 53',
      'default/frontend[Deployment] => default/backend[Deployment] : TCP 9090',
      '',
    ].join('\n'),
  );
});

test('md: a table with one row per connection', () => {
  const md = analyzeCommand(ITEMS, { format: 'md' }).split('\n');
  assert.equal(md.slice(0, 2), ['| src | dst | conn |', '|-----|-----|------|']);
  assert.is(md[5], '| default/frontend[Deployment] | default/backend[Deployment] | TCP 9090 |');
});

test('dot: nodes coloured by kind, labelled edges', () => {
  const dot = analyzeCommand(ITEMS, { format: 'dot' });
  assert.ok(dot.startsWith('digraph {\n'));
  assert.ok(dot.includes('\t"0.0.0.0-255.255.255.255[External]" [label="0.0.0.0-255.255.255.255[External]" color="red2" fontcolor="red2"]'));
  assert.ok(dot.includes('\t"default/frontend[Deployment]" -> "default/backend[Deployment]" [label="TCP 9090" color="gold2" fontcolor="darkgreen"]'));
  assert.ok(dot.endsWith('}\n'));
});

test('mermaid: a flowchart with quoted labels', () => {
  const lines = analyzeCommand(ITEMS, { format: 'mermaid' }).split('\n');
  assert.equal(lines.slice(0, 4), ['flowchart LR', '  n0{{"0.0.0.0-255.255.255.255[External]"}}', '  n1["default/backend[Deployment]"]', '  n2["default/frontend[Deployment]"]']);
  assert.ok(lines.includes('  n2 -->|"TCP 9090"| n1'));
});

test('json: src, dst, conn and port ranges per protocol', () => {
  const rows = JSON.parse(analyzeCommand(ITEMS, { format: 'json' })) as unknown[];
  assert.equal(rows[3], { src: 'default/frontend[Deployment]', dst: 'default/backend[Deployment]', conn: 'TCP 9090', ports: { TCP: [[9090, 9090]] } });
  assert.equal(rows[2], { src: 'default/frontend[Deployment]', dst: '0.0.0.0-255.255.255.255[External]', conn: 'UDP 53', ports: { UDP: [[53, 53]] } });
});

test('every format renders an empty list', () => {
  for (const format of REPORT_FORMATS) assert.type(analyzeCommand([], { format }), 'string');
});

test.run();
