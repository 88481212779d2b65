import type { ApiError } from './field-error';
import { notSupported } from './field-error';
import { validateMetadata } from './metadata';
import { validatePeer } from './peers';
import { validatePort } from './ports';
import { validateLabelSelector } from './selector';
import { listMember, member, stringEntry } from './value';
import type { KubeVersion } from './version';

const POLICY_TYPES = ['Ingress', 'Egress'] as const;

/**
 * `ValidateNetworkPolicy` on create, on an already defaulted and decoded policy: metadata,
 * podSelector, each ingress rule's ports then peers, each egress rule's, policyTypes.
 */
export function validateDefaultedPolicy(policy: unknown, version: KubeVersion): ApiError[] {
  const errors = validateMetadata(member(policy, 'metadata'), version);
  const spec = member(policy, 'spec');
  const podSelector = member(spec, 'podSelector');
  // podSelector is a struct, not a pointer: absent is `{}`, which has nothing to report.
  if (podSelector !== undefined) errors.push(...validateLabelSelector(podSelector, ['spec', 'podSelector'], version));
  for (const [direction, peerKey] of [['ingress', 'from'], ['egress', 'to']] as const) {
    listMember(spec, direction).forEach((rule, index) => {
      const rulePath = ['spec', direction, index];
      listMember(rule, 'ports').forEach((port, portIndex) => {
        errors.push(...validatePort(port, [...rulePath, 'ports', portIndex], version));
      });
      listMember(rule, peerKey).forEach((peer, peerIndex) => {
        errors.push(...validatePeer(peer, [...rulePath, peerKey, peerIndex], version));
      });
    });
  }
  errors.push(...validatePolicyTypes(listMember(spec, 'policyTypes').map(stringEntry)));
  return errors;
}

/** T1, then (only when T1 did not fire) T2 per entry. */
function validatePolicyTypes(policyTypes: readonly string[]): ApiError[] {
  if (policyTypes.length > POLICY_TYPES.length) {
    return [
      {
        type: 'Invalid',
        path: ['spec', 'policyTypes'],
        value: { go: 'slice', goType: '[]networking.PolicyType', value: policyTypes },
        detail: 'may not specify more than two policyTypes',
      },
    ];
  }
  return policyTypes.flatMap((entry, index) =>
    (POLICY_TYPES as readonly string[]).includes(entry) ? [] : [notSupported(['spec', 'policyTypes', index], entry, POLICY_TYPES)],
  );
}
