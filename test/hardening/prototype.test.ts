import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runFiles } from '../../src/run';
import { assertPristinePrototypes, checkedRun } from './check';

const HOSTILE = ['__proto__', 'constructor', 'prototype'] as const;
const header = 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n';

/** A policy with a hostile key in every map the function reads. */
function policy(key: string): string {
  return `- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  ${key}: {polluted: "yes"}
  metadata:
    name: p-${key.replace(/_/g, '')}
    namespace: a
    ${key}: {polluted: "yes"}
    labels: {${key}: "yes", app: a}
    annotations: {${key}: "yes"}
  spec:
    ${key}: {polluted: "yes"}
    podSelector:
      matchLabels: {${key}: "yes", app: a}
      matchExpressions: [{key: ${key}, operator: In, values: ["yes"]}]
    policyTypes: [Ingress, Egress]
    ingress:
    - ${key}: {polluted: "yes"}
      from:
      - podSelector: {matchLabels: {${key}: {polluted: "yes"}}}
        namespaceSelector: {matchLabels: {${key}: "x"}}
      ports: [{port: ${key}, protocol: TCP}]
    egress:
    - to: [{namespaceSelector: {matchExpressions: [{key: ${key}, operator: Exists}]}}]
`;
}

function workloads(key: string): string {
  return `- apiVersion: v1
  kind: Namespace
  metadata:
    name: a
    labels: {${key}: "yes", kubernetes.io/metadata.name: a}
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: d-${key.replace(/_/g, '')}, namespace: a}
  spec:
    selector: {matchLabels: {app: a, ${key}: "yes"}}
    template:
      metadata: {labels: {app: a, ${key}: "yes"}}
      spec: {containers: [{name: c, ports: [{containerPort: 80, name: ${key}}]}]}
`;
}

const typedConfig = (key: string) => `functionConfig:
  apiVersion: netpol-guard.dev/v1alpha1
  kind: NetpolGuard
  metadata: {name: cfg, ${key}: {polluted: "yes"}}
  spec:
    selectors: {mode: harden, stripLabels: [${key}]}
    dns: {ensure: true}
    egress:
      grants:
      - name: ${key}
        ports: [{port: 443}]
        to: [{podSelector: {matchLabels: {${key}: "yes"}}}]
        mergeInto: {policySelector: {matchLabels: {${key}: "yes"}}}
    expectations:
    - {from: a/d-${key.replace(/_/g, '')}, to: "${key}/${key}", port: 80, allowed: true}
`;

const flatConfig = (key: string) => `functionConfig:
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: cfg}
  data:
    "${key}.polluted": "yes"
    "${key}": "{polluted: yes}"
    "selectors.${key}": "yes"
    "constructor.prototype.polluted": "yes"
    "selectors.mode": "harden"
`;

test('hostile keys in items, labels, selectors and workloads: data, never a prototype change', () => {
  for (const key of HOSTILE) {
    for (const config of ['', typedConfig(key), flatConfig(key)]) {
      const input = `${header}${policy(key)}${workloads(key)}${config}`;
      const result = checkedRun(input);
      assert.is(result.results.some((r) => r.tags.rule.startsWith('input/')), false, result.stderr);
      assertPristinePrototypes();
    }
  }
});

test('the typed functionConfig with a hostile spec key is refused as config, naming the field', () => {
  const input = `${header}${policy('app')}functionConfig:\n  apiVersion: netpol-guard.dev/v1alpha1\n  kind: NetpolGuard\n  metadata: {name: cfg}\n  spec:\n    __proto__: {polluted: "yes"}\n    selectors: {__proto__: {polluted: "yes"}, mode: harden}\n`;
  const result = checkedRun(input);
  assert.is(result.exitCode, 1);
  const config = result.results.filter((r) => r.tags.rule === 'config/invalid');
  assert.ok(config.length > 0, result.stderr);
  assert.ok(config.every((r) => r.resourceRef?.name === 'cfg'));
});

test('the flat ConfigMap form with hostile dotted keys is refused as config, naming each key', () => {
  const input = `${header}${policy('app')}${flatConfig('__proto__')}`;
  const result = checkedRun(input);
  assert.is(result.exitCode, 1);
  const fields = result.results.filter((r) => r.tags.rule === 'config/invalid').map((r) => r.field?.path ?? '');
  for (const key of ['__proto__.polluted', 'constructor.prototype.polluted']) assert.ok(fields.some((f) => f.includes(key)), `${key} in ${fields.join(', ')}`);
});

test('hostile keys in file mode and in earlier results', () => {
  runFiles([{ path: 'p.yaml', text: `${policy('__proto__').replace(/^- /, '').replace(/^  /gm, '')}` }]);
  assertPristinePrototypes();
  checkedRun(`${header}${policy('constructor')}results:\n- {message: m, severity: info, __proto__: {polluted: "yes"}, tags: {rule: x, __proto__: {polluted: "yes"}}}\n`);
});

test('the prototype check does catch an added or replaced key (the checks above can fail)', () => {
  const prototype = Object.prototype as unknown as Record<string, unknown>;
  const saved = prototype.toString;
  // uvu's assert.throws rethrows its own assertion errors, so catch them here
  const fails = (check: () => void) => {
    try {
      check();
      return false;
    } catch {
      return true;
    }
  };
  try {
    prototype.polluted = 'yes';
    const added = fails(assertPristinePrototypes);
    delete prototype.polluted;
    prototype.toString = () => 'polluted';
    const replaced = fails(assertPristinePrototypes);
    prototype.toString = saved;
    assert.ok(added && replaced);
  } finally {
    delete prototype.polluted;
    prototype.toString = saved;
  }
  assertPristinePrototypes();
});

test.run();
