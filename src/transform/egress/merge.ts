import type { Document } from 'yaml';
import { yamlLib } from '../../krm/yaml-lib';
import type { Finding } from '../../krm/finding';
import type { Item } from '../../krm/item';
import type { FieldPath } from '../../krm/path';
import type { PolicyPort, PolicyRule } from '../../netpol/model';
import { readNetworkPolicy } from '../../netpol/read';
import { current, edit } from '../edit';
import { hardenSelector } from '../selectors/harden';
import { describePort, peersKey, portCovers } from './canonical';

/** An egress rule to merge, in NetworkPolicy form (`to` absent = any destination). */
export interface EgressRule {
  readonly to?: readonly object[];
  readonly ports: readonly object[];
}

/** How a merge reports and what it may do. */
export interface MergeOptions {
  /** Result id of the changes. */
  readonly ruleId: string;
  /** What is merged, for messages (`grant kafka`). */
  readonly subject: string;
  /** Whether `Egress` may be added to the policyTypes of a policy that does not isolate egress. */
  readonly addEgressPolicyType: boolean;
}

/** Result id of a refused merge (it would start isolating egress silently). */
export const POLICY_TYPES_RULE_ID = 'netpol-guard/egress-policy-types';

/** Result id of a target policy the function cannot read (validation says why). */
export const INVALID_TARGET_RULE_ID = 'netpol-guard/egress-invalid-target';

/** Reads the egress rule the way Kubernetes would, through the one policy reader. */
export function readRule(rule: EgressRule): PolicyRule | undefined {
  return readNetworkPolicy({ metadata: { name: 'rule' }, spec: { policyTypes: ['Egress'], egress: [rule] } }, '')?.egress[0];
}

/**
 * Merges one egress rule into a policy exactly and idempotently: its ports join the first
 * rule whose peers are the same set (skipping ports an entry there already opens),
 * otherwise the rule is appended. Selectors it writes are in matchExpressions form.
 */
export function mergeEgressRule(item: Item, rule: EgressRule, options: MergeOptions): Finding[] {
  const policy = readNetworkPolicy(current(item), item.ref.namespace ?? '');
  const wanted = readRule(rule);
  if (policy === undefined || wanted === undefined)
    return [finding(item, INVALID_TARGET_RULE_ID, 'warning', [], `${options.subject} not merged: the policy is not a valid NetworkPolicy`)];
  const findings: Finding[] = [];
  if (!policy.isolates.egress) {
    if (!options.addEgressPolicyType)
      return [
        finding(item, POLICY_TYPES_RULE_ID, 'error', ['spec', 'policyTypes'],
          `${options.subject} would make this policy isolate egress (its pods would lose every other egress); set mergeInto.addEgressPolicyType: true if that is intended`),
      ];
    findings.push(addEgressType(item, options));
  }
  const same = policy.egress.findIndex((existing) => peersKey(existing.peers) === peersKey(wanted.peers));
  const target = policy.egress[same];
  if (target === undefined) return [...findings, appendRule(item, rule, wanted, policy.egress.length, options)];
  if (target.ports.kind === 'any') return findings;
  const missing = missingPorts(rule, wanted, target.ports.ports);
  if (missing.length === 0) return findings;
  const doc = edit(item);
  const ports = doc.getIn(['spec', 'egress', same, 'ports'], true);
  if (!yamlLib().isSeq(ports)) return findings;
  return [
    ...findings,
    ...missing.map(({ written, port }) => {
      ports.add(doc.createNode(written));
      const at = ['spec', 'egress', same, 'ports', ports.items.length - 1];
      return finding(item, options.ruleId, 'info', at, `${options.subject}: ${describePort(port)} added`);
    }),
  ];
}

/** The rule's ports that neither an existing entry nor an earlier port of the rule opens. */
function missingPorts(rule: EgressRule, wanted: PolicyRule, have: readonly PolicyPort[]): { written: object; port: PolicyPort }[] {
  const open = [...have];
  return rule.ports.flatMap((written, i) => {
    const port = wanted.ports.kind === 'list' ? wanted.ports.ports[i] : undefined;
    if (port === undefined || open.some((existing) => portCovers(existing, port))) return [];
    open.push(port);
    return [{ written, port }];
  });
}

function addEgressType(item: Item, options: MergeOptions): Finding {
  const doc = edit(item);
  const types = doc.getIn(['spec', 'policyTypes'], true);
  if (yamlLib().isSeq(types) && types.items.length > 0) {
    types.add(doc.createNode('Egress'));
    return finding(item, options.ruleId, 'info', ['spec', 'policyTypes', types.items.length - 1], `${options.subject}: Egress added to policyTypes`);
  }
  // Unwritten policyTypes default to Ingress (plus Egress once egress rules exist): say both.
  doc.setIn(['spec', 'policyTypes'], doc.createNode(['Ingress', 'Egress']));
  return finding(item, options.ruleId, 'info', ['spec', 'policyTypes'], `${options.subject}: policyTypes set to Ingress, Egress`);
}

function appendRule(item: Item, rule: EgressRule, wanted: PolicyRule, index: number, options: MergeOptions): Finding {
  const doc = edit(item);
  const egress = doc.getIn(['spec', 'egress'], true);
  if (yamlLib().isSeq(egress)) egress.add(doc.createNode(rule));
  else doc.setIn(['spec', 'egress'], doc.createNode([rule]));
  hardenPeers(doc, ['spec', 'egress', index], rule);
  const ports = wanted.ports.kind === 'list' ? wanted.ports.ports.map(describePort).join(', ') : 'every port';
  return finding(item, options.ruleId, 'info', ['spec', 'egress', index], `${options.subject}: egress rule added (${ports})`);
}

/** Writes the peers' selectors in the form kustomize's label transformer cannot reach. */
export function hardenPeers(doc: Document, rulePath: FieldPath, rule: EgressRule): void {
  (rule.to ?? []).forEach((_, i) => {
    hardenSelector(doc, [...rulePath, 'to', i, 'namespaceSelector']);
    hardenSelector(doc, [...rulePath, 'to', i, 'podSelector']);
  });
}

function finding(item: Item, ruleId: string, severity: Finding['severity'], path: FieldPath, message: string): Finding {
  return { ruleId, severity, message, itemIndex: item.index, path };
}
