/**
 * The analysis at scale, stage by stage, on the benchmark's analysis input (4,000
 * workloads and 3,000 policies by default): `npx tsx bench/analyze.ts [workloads] [policies]`.
 * Prints timings; not a test. `npm run bench` reports the engine alone among the function runs.
 */
import { checkExpectations } from '../src/analyze/expectations';
import { connectionsOf, runAnalysis } from '../src/analyze/run';
import { readInput } from '../src/krm/input';
import { analysisInput } from './analysis-input';

const workloads = Number(process.argv[2] ?? 4000);
const policies = Number(process.argv[3] ?? 3000);
const { text } = analysisInput(workloads, policies);
const items = readInput(text).items;
for (const item of items) void item.value;

function timed<T>(what: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  console.log(`${what}: ${(performance.now() - started).toFixed(0)} ms`);
  return result;
}

const analysis = timed('reachability (classes, policies, peers)', () => runAnalysis(items, { ipBlocksMatchPods: false }));
console.log(`  ${analysis.inventory.workloads.length} workloads in ${analysis.index.classes.length} classes, ${analysis.inventory.policies.length} policies`);
const expectations = Array.from({ length: 100 }, (_, i) => ({ from: `ns-${i % 100}/app-${i}`, to: `ns-${(i + 1) % 100}/app-${i + 1}`, port: 8080, allowed: true }));
timed('100 expectations', () => checkExpectations(expectations, analysis.inventory, analysis.index, analysis.options));
const connections = timed('full connection list', () => connectionsOf(analysis));
console.log(`  ${connections.length} connections`);
