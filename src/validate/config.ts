import type { ConfigCheck } from '../config/checks';
import type { ValidationConfig } from '../config/sections/validation';
import { parseCidrSloppy } from './api/cidr';
import { NEWEST_MINOR, OLDEST_MINOR, parseKubeVersion } from './api/version';
import { RULES } from './registry';

/** A problem in `spec.validation`, with the field it is about (relative to `spec.validation`). */
export interface ValidationConfigProblem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/** Every rule id, in registry order (what an unknown id's error lists). */
export function knownRuleIds(): string[] {
  return RULES.map((rule) => rule.id);
}

/**
 * Semantic checks of `spec.validation` that its JSON Schema cannot express, for the config
 * loader: unknown rule ids (listing the known ones), an unmodelled Kubernetes version, and
 * cluster CIDRs that do not parse.
 */
export function checkValidationConfig(config: ValidationConfig): ValidationConfigProblem[] {
  const problems: ValidationConfigProblem[] = [];
  const known = knownRuleIds();
  for (const id of Object.keys(config.rules)) {
    if (!known.includes(id)) {
      problems.push({ path: ['rules', id], message: `unknown rule id ${JSON.stringify(id)}; known ids: ${known.join(', ')}` });
    }
  }
  if (parseKubeVersion(config.kubernetesVersion) === undefined) {
    problems.push({
      path: ['kubernetesVersion'],
      message: `unsupported Kubernetes version ${JSON.stringify(config.kubernetesVersion)}: use 1.${OLDEST_MINOR} to 1.${NEWEST_MINOR}`,
    });
  }
  config.clusterCIDRs.forEach((cidr, index) => {
    if (parseCidrSloppy(cidr) === undefined) {
      problems.push({ path: ['clusterCIDRs', index], message: `not a CIDR: ${JSON.stringify(cidr)} (e.g. 10.0.0.0/8 or fd00::/8)` });
    }
  });
  return problems;
}

/** `checkValidationConfig` as a config-loader check (paths from the functionConfig root). */
export const validationConfigCheck: ConfigCheck = (config) =>
  checkValidationConfig(config.validation).map((problem) => ({ path: ['spec', 'validation', ...problem.path], message: problem.message }));
