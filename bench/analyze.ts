/**
 * Scale check of the connectivity analysis: 4,000 workloads and 3,000 policies in 100
 * namespaces (`npx tsx bench/analyze.ts [workloads] [policies] [list]`;
 * `list` also builds the full connection list, which grows with the square of the workloads). Prints timings; not a test.
 */
import type { Item } from '../src/krm/item';
import { checkExpectations } from '../src/analyze/expectations';
import { connectionsOf, runAnalysis } from '../src/analyze/run';

const workloads = Number(process.argv[2] ?? 4000);
const policies = Number(process.argv[3] ?? 3000);
const NAMESPACES = 100;

function item(index: number, value: Record<string, unknown>): Item {
  const metadata = value.metadata as { name: string; namespace?: string };
  return {
    index,
    ref: { apiVersion: String(value.apiVersion), kind: String(value.kind), name: metadata.name, ...(metadata.namespace === undefined ? {} : { namespace: metadata.namespace }) },
    file: undefined,
    value,
    document: () => {
      throw new Error('the analysis never edits');
    },
  };
}

const items: Item[] = [];
for (let n = 0; n < NAMESPACES; n++) {
  items.push(item(items.length, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${n}`, labels: { team: `team-${n % 10}`, env: n % 2 === 0 ? 'prod' : 'dev' } } }));
}
for (let w = 0; w < workloads; w++) {
  const labels = { app: `app-${w}`, tier: ['web', 'api', 'db', 'cache'][w % 4]!, component: w % 3 === 0 ? 'service' : 'worker' };
  items.push(
    item(items.length, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: `app-${w}`, namespace: `ns-${w % NAMESPACES}` },
      spec: { template: { metadata: { labels }, spec: { containers: [{ name: 'c', ports: [{ containerPort: 8080, name: 'http' }, { containerPort: 9090, name: 'metrics' }] }] } } },
    }),
  );
}
for (let p = 0; p < policies; p++) {
  const namespace = `ns-${p % NAMESPACES}`;
  const target = p % 5 === 0 ? {} : { matchLabels: { app: `app-${(p * 7) % workloads}` } };
  const peers = [
    { podSelector: { matchLabels: { tier: ['web', 'api', 'db', 'cache'][p % 4] } } },
    { namespaceSelector: { matchLabels: { team: `team-${p % 10}` } }, podSelector: { matchLabels: { component: 'service' } } },
    { ipBlock: { cidr: `10.${p % 256}.0.0/16`, except: [`10.${p % 256}.1.0/24`] } },
  ];
  items.push(
    item(items.length, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `policy-${p}`, namespace },
      spec: {
        podSelector: target,
        policyTypes: p % 3 === 0 ? ['Ingress', 'Egress'] : ['Ingress'],
        ingress: [{ from: peers, ports: [{ port: 'http' }, { port: 9000, endPort: 9100 }] }],
        egress: [{ to: peers.slice(0, 2), ports: [{ port: 'http' }] }, { ports: [{ port: 53, protocol: 'UDP' }] }],
      },
    }),
  );
}

const t0 = performance.now();
const analysis = runAnalysis(items, { ipBlocksMatchPods: false });
const t1 = performance.now();
console.log(`reachability ${(t1 - t0).toFixed(0)} ms`);
const expectations = Array.from({ length: 100 }, (_, i) => ({ from: `ns-${i % NAMESPACES}/app-${i}`, to: `ns-${(i + 1) % NAMESPACES}/app-${i + 1}`, port: 8080, allowed: true }));
const findings = checkExpectations(expectations, analysis.inventory, analysis.index, analysis.options);
const t2 = performance.now();
console.log(`100 expectations ${(t2 - t1).toFixed(0)} ms (${findings.length} broken)`);
console.log(
  `${analysis.inventory.workloads.length} workloads, ${analysis.index.classes.length} classes, ${analysis.inventory.policies.length} policies, ` +
    `${analysis.reach.ingressAtoms.length}/${analysis.reach.egressAtoms.length} ingress/egress atoms`,
);
if (process.argv[4] !== 'list') process.exit(0);
const connections = connectionsOf(analysis);
const t3 = performance.now();
console.log(`full connection list ${(t3 - t2).toFixed(0)} ms (${connections.length} lines)`);
