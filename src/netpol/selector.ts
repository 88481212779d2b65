import type { LabelRequirement, LabelSelector } from './model';

/** Labels of a pod or namespace. */
export type Labels = Readonly<Record<string, string>>;

/** The selector that selects everything (`{}`). */
export const EVERYTHING: LabelSelector = Object.freeze({ matchLabels: Object.freeze({}), matchExpressions: Object.freeze([]) });

/** Kubernetes requirement semantics (apimachinery `labels.Requirement.Matches`). */
export function requirementMatches(requirement: LabelRequirement, labels: Labels): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
  switch (requirement.operator) {
    case 'In':
      return has && requirement.values.includes(labels[requirement.key]!);
    case 'NotIn':
      return !has || !requirement.values.includes(labels[requirement.key]!);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

/** Whether a selector selects an object with these labels (all terms ANDed). */
export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  for (const key of Object.keys(selector.matchLabels)) {
    if (!Object.prototype.hasOwnProperty.call(labels, key) || labels[key] !== selector.matchLabels[key]) return false;
  }
  return selector.matchExpressions.every((requirement) => requirementMatches(requirement, labels));
}

/** True for `{}`: no term at all. */
export function isEverything(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}
