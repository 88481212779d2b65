import type { FieldPath } from '../../krm/path';
import { field } from '../policies';
import { isMapping } from '../../krm/path';

/** A label selector in a NetworkPolicy that an overlay's labels could be appended to. */
export interface SelectorSite {
  /** Path of the selector map (`['spec', 'ingress', 0, 'from', 1, 'podSelector']`). */
  readonly path: FieldPath;
  /** The selector as written (a map). */
  readonly value: Readonly<Record<string, unknown>>;
}

/**
 * Every selector kustomize's label transformer fills: `spec.podSelector` and the
 * `podSelector` of each ingress `from` and egress `to` peer, plus, on request, the peers'
 * `namespaceSelector`s. Only selectors that hold a `matchLabels` map qualify: the fieldspecs
 * say `create: false`, so kustomize fills `matchLabels: {}` but never creates one, and a
 * `matchLabels: null` stays null.
 */
export function pollutableSelectors(policy: unknown, namespaceSelectors: boolean): SelectorSite[] {
  const spec = field(policy, 'spec');
  const sites: SelectorSite[] = [];
  const visit = (path: FieldPath, value: unknown): void => {
    if (isMapping(value) && isMapping(field(value, 'matchLabels'))) sites.push({ path, value });
  };
  visit(['spec', 'podSelector'], field(spec, 'podSelector'));
  for (const [direction, peersKey] of [['ingress', 'from'], ['egress', 'to']] as const) {
    const rules = field(spec, direction);
    if (!Array.isArray(rules)) continue;
    rules.forEach((rule: unknown, ruleIndex) => {
      const peers = field(rule, peersKey);
      if (!Array.isArray(peers)) return;
      peers.forEach((peer: unknown, peerIndex) => {
        const base = ['spec', direction, ruleIndex, peersKey, peerIndex];
        if (namespaceSelectors) visit([...base, 'namespaceSelector'], field(peer, 'namespaceSelector'));
        visit([...base, 'podSelector'], field(peer, 'podSelector'));
      });
    });
  }
  return sites;
}
