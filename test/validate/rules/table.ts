/** Test helper: runs one rule over YAML cases and compares rule ids and field paths. */
import * as assert from 'uvu/assert';
import type { FieldPath } from '../../../src/krm/path';
import type { ValidationConfig } from '../../../src/config/sections/validation';
import type { Rule } from '../../../src/validate/types';
import { validate } from '../../../src/validate/run';
import { contextFromYaml } from '../items';

/** One case: YAML items, the `[itemIndex, path]` of every expected finding, optional config. */
export type RuleCase = readonly [name: string, yaml: string, expected: readonly (readonly [number, FieldPath])[], validation?: Partial<ValidationConfig>];

/** Asserts each case yields exactly the expected findings, all carrying the rule's id. */
export function assertRuleCases(rule: Rule, cases: readonly RuleCase[]): void {
  for (const [name, yaml, expected, validation] of cases) {
    const findings = validate(contextFromYaml(yaml, validation), [rule]);
    assert.equal(findings.map((f) => f.ruleId), expected.map(() => rule.id), `${name}: rule ids`);
    assert.equal(findings.map((f) => [f.itemIndex, f.path]), expected, `${name}: paths`);
  }
}

/** A NetworkPolicy document; `spec` is flow or block YAML placed under `spec:`. */
export function np(name: string, spec: string, namespace = 'shop'): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: ${spec}\n---\n`;
}

/** A Deployment with pod labels and container ports (`name:port[/protocol]`). */
export function deployment(name: string, labels: string, ports: readonly string[] = [], namespace = 'shop'): string {
  const declared = ports
    .map((entry) => {
      const [portName, rest] = entry.split(':') as [string, string];
      const [port, protocol] = rest.split('/');
      return `{name: ${portName}, containerPort: ${port}${protocol === undefined ? '' : `, protocol: ${protocol}`}}`;
    })
    .join(', ');
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  template:\n    metadata: {labels: ${labels}}\n    spec: {containers: [{name: c, image: i, ports: [${declared}]}]}\n---\n`;
}

/** A Namespace with labels. */
export function namespace(name: string, labels = '{}'): string {
  return `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: ${labels}}\n---\n`;
}
