/**
 * The API server's defaulting of a decoded NetworkPolicy (D1, D2), applied before
 * validation so errors and the analysis see what the server would store.
 */
import { isObject, listMember, member } from './value';

/** D1: a `ports[]` entry without `protocol` (absent or null) gets `TCP`; `""` stays `""`. */
function defaultPort(port: unknown): unknown {
  if (!isObject(port)) return port === null ? { protocol: 'TCP' } : port;
  return member(port, 'protocol') === undefined ? { ...port, protocol: 'TCP' } : port;
}

function defaultRules(rules: readonly unknown[]): unknown[] {
  return rules.map((rule) => {
    const ports = listMember(rule, 'ports');
    return isObject(rule) && ports.length > 0 ? { ...rule, ports: ports.map(defaultPort) } : rule;
  });
}

/**
 * Returns the policy with ports' protocols and `policyTypes` defaulted (D2: empty means
 * `Ingress`, plus `Egress` when there are egress rules); the input is not modified.
 */
export function applyDefaults(policy: unknown): unknown {
  if (!isObject(policy)) return policy;
  const spec = member(policy, 'spec');
  // Values of the wrong type never reach defaulting on the server (decoding fails first).
  if (spec !== undefined && !isObject(spec)) return policy;
  const writtenTypes = member(spec, 'policyTypes');
  if (writtenTypes !== undefined && !Array.isArray(writtenTypes)) return policy;
  const specObject = isObject(spec) ? spec : {};
  const ingress = listMember(specObject, 'ingress');
  const egress = listMember(specObject, 'egress');
  const policyTypes = listMember(specObject, 'policyTypes');
  const defaulted: Record<string, unknown> = { ...specObject };
  if (ingress.length > 0) defaulted.ingress = defaultRules(ingress);
  if (egress.length > 0) defaulted.egress = defaultRules(egress);
  if (policyTypes.length === 0) defaulted.policyTypes = egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  return { ...policy, spec: defaulted };
}
