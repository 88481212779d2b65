import fc from 'fast-check';
import { CORE_SCHEMA, dump, load } from 'js-yaml';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Document, parse } from 'yaml';
import { sparseWorkloadValue } from '../../src/netpol/workload-lines';
import { POD_TEMPLATE_PATHS, readWorkload } from '../../src/netpol/workload';
import { shifted } from '../helpers';
import { labels } from '../transform/arbitraries';

const KINDS = Object.entries(POD_TEMPLATE_PATHS)
  .filter(([, path]) => path.length > 0)
  .map(([kind]) => kind);

/** Values a workload carries beside what is read: env, probes, odd scalars, nested lists. */
const noise = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('ports:', '- x', 'a: b', '#', '|', 'labels: {}')),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('env', 'ports', 'labels', 'name', 'x', 'containers', '"q"', 'metadata'), tie('node'), { maxKeys: 3 }),
  ),
})).node;

const port = fc.record(
  { name: fc.constantFrom('http', 'dns', 'metrics'), containerPort: fc.oneof(fc.integer({ min: 1, max: 65535 }), fc.constant(0), fc.constant('80')), protocol: fc.constantFrom('TCP', 'UDP', 'SCTP') },
  { requiredKeys: ['containerPort'] },
);
const container = fc.record(
  { name: fc.constantFrom('app', 'sidecar'), image: fc.constant('nginx'), ports: fc.oneof(fc.array(port, { maxLength: 3 }), noise), env: noise, 'x-extra': noise },
  { requiredKeys: ['name'] },
);
const podTemplate = fc.record(
  {
    metadata: fc.record({ labels: fc.oneof(labels, noise), annotations: noise }, { requiredKeys: [] }),
    spec: fc.record({ containers: fc.oneof(fc.array(container, { maxLength: 3 }), noise), initContainers: fc.array(container, { maxLength: 2 }), volumes: noise }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

function workload(kind: string, template: unknown, extras: Record<string, unknown>) {
  const path = POD_TEMPLATE_PATHS[kind]!;
  let nested: unknown = template;
  for (const key of [...path].reverse()) nested = { [key]: nested, ...(key === 'spec' ? { replicas: 2 } : {}) };
  return { apiVersion: 'apps/v1', kind, metadata: { name: 'web', namespace: 'shop', labels: { a: 'b' } }, ...(nested as object), ...extras };
}

/** Texts as emitters write them: yaml with either sequence style, js-yaml, flow parts, indented as in a ResourceList. */
function emit(value: unknown, style: number, indent: number): string {
  const text =
    style === 0
      ? new Document(value).toString({ indentSeq: false })
      : style === 1
        ? new Document(value).toString({ indentSeq: true })
        : style === 2
          ? dump(value, { flowLevel: 4 })
          : dump(value, { noCompatMode: true });
  return shifted(text, indent);
}

test('property: a workload read from its lines is the workload read from the parsed item', () => {
  let answered = 0;
  fc.assert(
    fc.property(fc.constantFrom(...KINDS), podTemplate, fc.dictionary(fc.constantFrom('status', 'x', '"quoted"'), noise, { maxKeys: 2 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(0, 2, 4), (kind, template, extras, style, indent) => {
      const text = emit(workload(kind, template, extras), style, indent);
      const sparse = sparseWorkloadValue(text, kind);
      if (sparse === undefined) return;
      let whole: unknown;
      try {
        whole = parse(text);
      } catch {
        // js-yaml's dumper now and then writes a flow part it cannot read back; in a part
        // the reader skips, that is the YAML error it gives up on seeing (see workload-lines.ts)
        return;
      }
      answered++;
      assert.equal(readWorkload(kind, sparse, 'default'), readWorkload(kind, whole, 'default'), text);
    }),
    { numRuns: 400 },
  );
  assert.ok(answered > 150, `the line reader answered only ${answered} times`);
});

test('a quoted key where it reads and an alias make it decline (the item is parsed whole); a `<<` key is a plain key', () => {
  const quoted = 'kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        "ports":\n        - containerPort: 80\n';
  const merged = 'kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    <<: {metadata: {labels: {app: web}}}\n    metadata:\n      labels: {tier: db}\n';
  const alias = 'kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: *shared\n';
  for (const text of [quoted, alias]) assert.is(sparseWorkloadValue(text, 'Deployment'), undefined, text);
  // the core schema has no merge keys: `<<` is a key like any other, as in the whole parse
  assert.equal(readWorkload('Deployment', sparseWorkloadValue(merged, 'Deployment'), 'default'), readWorkload('Deployment', load(merged, { schema: CORE_SCHEMA }), 'default'));
});

test('a quoted key in a part it skips does not stop it', () => {
  const text = 'kind: Deployment\nmetadata:\n  name: web\n  annotations:\n    "a b": c\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        env:\n        - {"name": X}\n        ports:\n        - containerPort: 80\n';
  assert.equal(plain(readWorkload('Deployment', sparseWorkloadValue(text, 'Deployment'), 'default')?.ports), [{ port: 80, protocol: 'TCP' }]);
});

test('flow parts are parsed entry by entry, and a workload is read without its env', () => {
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  namespace: shop',
    'spec:',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      containers:',
    '      - name: app',
    '        env: [this is not, {valid: yaml',
    '        ports: [{name: http, containerPort: 8080}]',
    '',
  ].join('\n');
  assert.equal(plain(readWorkload('Deployment', sparseWorkloadValue(text, 'Deployment'), 'default')), {
    kind: 'Deployment',
    name: 'web',
    namespace: 'shop',
    labels: { app: 'web' },
    ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  });
});

test('parts nested past the depth limit make it decline, so the whole parse reports them', () => {
  const deep = `${'['.repeat(70)}1${']'.repeat(70)}`;
  const text = `kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    metadata:\n      labels: ${deep}\n`;
  assert.is(sparseWorkloadValue(text, 'Deployment'), undefined);
});

/** JSON-equal form (labels are null-prototype maps; absent names are undefined). */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

test.run();
