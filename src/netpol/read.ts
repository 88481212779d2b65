import { isMapping } from '../krm/path';
import type {
  LabelRequirement,
  LabelSelector,
  NetworkPolicyModel,
  Peer,
  PolicyPort,
  PolicyRule,
  PortMatch,
  Protocol,
  RulePeers,
  RulePorts,
  SelectorOperator,
} from './model';

/**
 * The one reader from a parsed NetworkPolicy value to the model. It assumes nothing about
 * its input: anything the API server would reject makes it return `undefined` (validation
 * explains why), so later stages only ever see policies Kubernetes would accept.
 */
export function readNetworkPolicy(value: unknown, defaultNamespace: string): NetworkPolicyModel | undefined {
  try {
    return readPolicy(value, defaultNamespace);
  } catch (error) {
    if (error instanceof Malformed) return undefined;
    throw error;
  }
}

/** Reads a label selector value (`matchLabels`, `matchExpressions`); `undefined` if malformed. */
export function readLabelSelector(value: unknown): LabelSelector | undefined {
  try {
    return selector(value);
  } catch (error) {
    if (error instanceof Malformed) return undefined;
    throw error;
  }
}

class Malformed extends Error {}

function fail(): never {
  throw new Malformed();
}

function map(value: unknown): Record<string, unknown> {
  return isMapping(value) ? value : fail();
}

/** `null` and absent are the same for optional API fields. */
function optional(value: unknown): unknown {
  return value === null ? undefined : value;
}

function list(value: unknown): readonly unknown[] | undefined {
  const present = optional(value);
  if (present === undefined) return undefined;
  return Array.isArray(present) ? present : fail();
}

function readPolicy(value: unknown, defaultNamespace: string): NetworkPolicyModel {
  const root = map(value);
  const metadata = map(root.metadata);
  const name = typeof metadata.name === 'string' ? metadata.name : fail();
  const namespace = optional(metadata.namespace);
  if (namespace !== undefined && typeof namespace !== 'string') fail();
  const spec = optional(root.spec) === undefined ? {} : map(root.spec);
  const podSelector = optional(spec.podSelector) === undefined ? selector({}) : selector(spec.podSelector);
  const ingress = (list(spec.ingress) ?? []).map(rule('from'));
  const egressValues = list(spec.egress) ?? [];
  const egress = egressValues.map(rule('to'));
  const written = list(spec.policyTypes) ?? [];
  if (written.length > 2) fail();
  const types = written.map((entry) => (entry === 'Ingress' || entry === 'Egress' ? entry : fail()));
  const isolates =
    types.length === 0
      ? { ingress: true, egress: egressValues.length > 0 }
      : { ingress: types.includes('Ingress'), egress: types.includes('Egress') };
  return {
    name,
    namespace: namespace === undefined || namespace === '' ? defaultNamespace : namespace,
    namespaceWritten: namespace !== undefined && namespace !== '',
    podSelector,
    isolates,
    policyTypesWritten: types.length > 0,
    ingress,
    egress,
  };
}

function rule(peerKey: 'from' | 'to'): (value: unknown) => PolicyRule {
  return (value) => {
    const entry = optional(value) === undefined ? {} : map(value);
    const peerValues = list(entry[peerKey]);
    const portValues = list(entry.ports);
    const peers: RulePeers =
      peerValues === undefined
        ? { kind: 'any', written: 'absent' }
        : peerValues.length === 0
          ? { kind: 'any', written: 'empty' }
          : { kind: 'list', peers: peerValues.map(peer) };
    const ports: RulePorts =
      portValues === undefined
        ? { kind: 'any', written: 'absent' }
        : portValues.length === 0
          ? { kind: 'any', written: 'empty' }
          : { kind: 'list', ports: portValues.map(port) };
    return { peers, ports };
  };
}

function peer(value: unknown): Peer {
  const entry = map(value);
  const podSelector = optional(entry.podSelector);
  const namespaceSelector = optional(entry.namespaceSelector);
  const ipBlock = optional(entry.ipBlock);
  if (ipBlock !== undefined) {
    if (podSelector !== undefined || namespaceSelector !== undefined) fail();
    const block = map(ipBlock);
    const cidr = typeof block.cidr === 'string' && block.cidr !== '' ? block.cidr : fail();
    const except = (list(block.except) ?? []).map((item) => (typeof item === 'string' ? item : fail()));
    return { kind: 'ipBlock', cidr, except };
  }
  if (podSelector === undefined && namespaceSelector === undefined) fail();
  return {
    kind: 'pods',
    namespaces:
      namespaceSelector === undefined
        ? { kind: 'policy-namespace' }
        : { kind: 'selector', selector: selector(namespaceSelector) },
    pods: podSelector === undefined ? selector({}) : selector(podSelector),
  };
}

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

function port(value: unknown): PolicyPort {
  const entry = map(value);
  const protocolValue = optional(entry.protocol);
  const protocol =
    protocolValue === undefined ? 'TCP' : PROTOCOLS.find((p) => p === protocolValue) ?? fail();
  const portValue = optional(entry.port);
  const endPort = optional(entry.endPort);
  let match: PortMatch;
  if (portValue === undefined) {
    if (endPort !== undefined) fail();
    match = { kind: 'all' };
  } else if (typeof portValue === 'number') {
    if (!validPortNumber(portValue)) fail();
    if (endPort === undefined) match = { kind: 'range', from: portValue, to: portValue };
    else if (typeof endPort === 'number' && validPortNumber(endPort) && endPort >= portValue)
      match = { kind: 'range', from: portValue, to: endPort };
    else fail();
  } else if (typeof portValue === 'string' && portValue !== '') {
    if (endPort !== undefined) fail();
    match = { kind: 'named', name: portValue };
  } else fail();
  return { protocol, port: match };
}

function validPortNumber(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

function selector(value: unknown): LabelSelector {
  const entry = map(value);
  const labelsValue = optional(entry.matchLabels);
  const matchLabels: Record<string, string> = Object.create(null);
  if (labelsValue !== undefined) {
    for (const [key, labelValue] of Object.entries(map(labelsValue))) {
      matchLabels[key] = typeof labelValue === 'string' ? labelValue : fail();
    }
  }
  const matchExpressions = (list(entry.matchExpressions) ?? []).map((item): LabelRequirement => {
    const requirement = map(item);
    const key = typeof requirement.key === 'string' ? requirement.key : fail();
    const operator = OPERATORS.find((op) => op === requirement.operator) ?? fail();
    const values = (list(requirement.values) ?? []).map((v) => (typeof v === 'string' ? v : fail()));
    return { key, operator, values };
  });
  return { matchLabels, matchExpressions };
}
