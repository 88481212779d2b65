import { FUNCTION_CONFIG_INDEX, type Finding } from '../krm/finding';
import type { FieldPath } from '../krm/path';
import { CONFIG_CHECKS } from './checks';
import { describeSchemaErrors } from './errors';
import { flatPathOf, specFromFlatData } from './flat';
import { CONFIG_API_VERSION, CONFIG_KIND, NETPOL_GUARD_SCHEMA } from './schema';
import { DEFAULT_CONFIG } from './sections';
import type { Config } from './types';
import type * as ConfigValidator from '../generated/netpol-guard-config';
import { isMapping } from '../krm/path';

/** The effective config, or why there is none (then the function edits nothing). */
export type LoadedConfig = { readonly config: Config; readonly findings: readonly Finding[] } | { readonly config: undefined; readonly findings: readonly Finding[] };

function problem(path: FieldPath, message: string): Finding {
  return { ruleId: 'config/invalid', severity: 'error', itemIndex: FUNCTION_CONFIG_INDEX, path, message: `functionConfig: ${message}` };
}

/**
 * Reads a functionConfig: none at all (defaults), the typed `NetpolGuard` kind, or the
 * flat `ConfigMap` form. Schema errors and semantic errors are reported together.
 */
export function loadConfig(value: unknown): LoadedConfig {
  if (value === undefined || value === null) return { config: DEFAULT_CONFIG, findings: [] };
  if (!isMapping(value)) return { config: undefined, findings: [problem([], 'must be a Kubernetes object (NetpolGuard or ConfigMap)')] };
  if (value.kind === 'ConfigMap') return loadFlat(value);
  if (value.kind !== CONFIG_KIND || value.apiVersion !== CONFIG_API_VERSION) {
    return {
      config: undefined,
      findings: [problem(['kind'], `${String(value.apiVersion)}/${String(value.kind)} is not supported: use kind ${CONFIG_KIND} (apiVersion ${CONFIG_API_VERSION}) or a ConfigMap`)],
    };
  }
  return loadTyped(value, (path) => path);
}

function loadFlat(value: Record<string, unknown>): LoadedConfig {
  const data = value.data === undefined || value.data === null ? {} : value.data;
  if (!isMapping(data)) return { config: undefined, findings: [problem(['data'], 'must be a map of key: value strings')] };
  const { spec, problems } = specFromFlatData(data);
  if (problems.length > 0) return { config: undefined, findings: problems.map((p) => problem(p.path, p.message)) };
  // Schema paths point into the typed form; in the flat form the key itself is the place.
  const typed = { apiVersion: CONFIG_API_VERSION, kind: CONFIG_KIND, spec };
  return loadTyped(typed, (path) => flatPathOf(path, data));
}

/**
 * The functionConfig's validator, loaded on first use: a list without a functionConfig
 * never needs it, and in the command it is a script with its own code cache.
 */
function configValidator(): typeof ConfigValidator.validate {
  return (require('../generated/netpol-guard-config') as typeof ConfigValidator).validate;
}

function loadTyped(value: Record<string, unknown>, where: (path: FieldPath) => FieldPath): LoadedConfig {
  const validate = configValidator();
  if (!validate(value)) {
    const findings = describeSchemaErrors(validate.errors ?? [], NETPOL_GUARD_SCHEMA).map((p) => problem(where(p.path), p.message));
    return { config: undefined, findings };
  }
  const spec = isMapping(value.spec) ? value.spec : {};
  const config = withDefaults(spec);
  const findings = CONFIG_CHECKS.flatMap((check) => check(config)).map((p) => problem(where(p.path), p.message));
  return findings.length > 0 ? { config: undefined, findings } : { config, findings: [] };
}

function withDefaults(spec: Record<string, unknown>): Config {
  const merged: Record<string, unknown> = {};
  for (const [section, defaults] of Object.entries(DEFAULT_CONFIG)) {
    const given = spec[section];
    merged[section] = isMapping(defaults) && isMapping(given) ? { ...defaults, ...given } : given ?? defaults;
  }
  return merged as unknown as Config;
}
