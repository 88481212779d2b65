/**
 * The `selectors` transform: keeps NetworkPolicy selectors out of reach of kustomize's
 * label transformer (harden), repairs selectors it already polluted (strip) or reports them (check).
 */
import type { Finding } from '../../krm/finding';
import type { Item } from '../../krm/item';
import { readLabelSelector } from '../../netpol/read';
import type { SelectorsConfig } from '../../config/sections/selectors';
import { edit, current } from '../edit';
import { isNetworkPolicy } from '../policies';
import type { Transform } from '../types';
import { hardenLines } from './fast';
import { hardenSelector } from './harden';
import { pollutableSelectors, type SelectorSite } from './sites';
import { stripSelector } from './strip';

/** Result ids, one per mode. */
export const SELECTORS_RULE_IDS = {
  harden: 'netpol-guard/selectors-harden',
  strip: 'netpol-guard/selectors-strip',
  check: 'netpol-guard/selectors-check',
} as const;

/** Selector hardening, repair and check, as configured by `spec.selectors`. */
export const selectorsTransform: Transform = {
  id: 'selectors',
  enabled: (config) => config.selectors.mode !== 'off',
  run: ({ items, config }) => items.filter(isNetworkPolicy).flatMap((item) => runOn(item, config.selectors)),
};

function runOn(item: Item, config: SelectorsConfig): Finding[] {
  const sites = pollutableSelectors(current(item), config.namespaceSelectors);
  switch (config.mode) {
    case 'check':
      return sites.map((site) => ({
        ruleId: SELECTORS_RULE_IDS.check,
        severity: 'warning',
        message: 'kustomize commonLabels (or labels with includeSelectors) would add its labels to this matchLabels; write it as matchExpressions',
        itemIndex: item.index,
        path: [...site.path, 'matchLabels'],
      }));
    case 'harden':
      return harden(item, sites);
    case 'strip':
      return strip(item, sites, config.stripLabels);
    case 'off':
      return [];
  }
}

function harden(item: Item, sites: readonly SelectorSite[]): Finding[] {
  // A malformed selector is validation's to report; rewriting it could hide the mistake.
  const wellFormed = sites.filter((site) => readLabelSelector(site.value) !== undefined);
  if (wellFormed.length === 0) return [];
  // Rewriting lines in place is far cheaper than a Document and keeps every other byte.
  const text = item.text;
  const patched = text === undefined ? undefined : hardenLines(text.read(), wellFormed, current(item));
  if (text !== undefined && patched !== undefined) text.write(patched.text, patched.value);
  const doc = patched === undefined ? edit(item) : undefined;
  return wellFormed
    .filter((site) => doc === undefined || hardenSelector(doc, site.path))
    .map((site) => ({
      ruleId: SELECTORS_RULE_IDS.harden,
      severity: 'info',
      message: 'matchLabels rewritten as matchExpressions (key In [value]), out of reach of kustomize commonLabels',
      itemIndex: item.index,
      path: [...site.path, 'matchLabels'],
    }));
}

function strip(item: Item, sites: readonly SelectorSite[], keys: readonly string[]): Finding[] {
  const touched = sites.filter((site) => {
    const labels = site.value.matchLabels as Readonly<Record<string, unknown>>;
    return keys.some((key) => Object.prototype.hasOwnProperty.call(labels, key));
  });
  if (touched.length === 0) return [];
  const doc = edit(item);
  return touched.flatMap((site) =>
    stripSelector(doc, site.path, keys).map((key): Finding => ({
      ruleId: SELECTORS_RULE_IDS.strip,
      severity: 'info',
      message: `label ${key} removed from the selector`,
      itemIndex: item.index,
      path: [...site.path, 'matchLabels', key],
    })),
  );
}
