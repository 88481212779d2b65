import type ipaddr from 'ipaddr.js';
import { ipaddrLib } from '../../netpol/ipaddr-lib';
import type { ConfigProblem } from '../checks';
import type { Config } from '../types';

/** A label selector as written in the config (the NetworkPolicy form). */
export interface SelectorSpec {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly {
    readonly key: string;
    readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    readonly values?: readonly string[];
  }[];
}

/** One port a grant opens: a number or a container port name; protocol defaults to TCP. */
export interface GrantPort {
  readonly port: number | string;
  readonly endPort?: number;
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
}

/** A destination, as in a NetworkPolicy `egress[].to[]` entry. */
export interface GrantPeer {
  readonly ipBlock?: { readonly cidr: string; readonly except?: readonly string[] };
  readonly namespaceSelector?: SelectorSpec;
  readonly podSelector?: SelectorSpec;
}

/** Which existing policies a grant is merged into: every given criterion must hold. */
export interface MergeTarget {
  readonly name?: string;
  readonly namespace?: string;
  /** Selects policies by their own `metadata.labels`. */
  readonly policySelector?: SelectorSpec;
  /** Allows adding `Egress` to the policyTypes of a policy that did not isolate egress. */
  readonly addEgressPolicyType?: boolean;
}

/** A separate, API-specific policy the grant creates (or extends, when it already exists). */
export interface GenerateTarget {
  readonly name: string;
  readonly namespace?: string;
  readonly podSelector: SelectorSpec;
  readonly labels?: Readonly<Record<string, string>>;
  /** File for `kpt fn render` (default `<namespace>/<name>.yaml`, or `<name>.yaml`). */
  readonly path?: string;
}

/** Extra egress an overlay grants: ports, optional peers, and where they go. */
export interface EgressGrant {
  /** Shown in results; defaults to the grant's position. */
  readonly name?: string;
  readonly ports: readonly GrantPort[];
  /** Destinations; absent means any destination (on the given ports). */
  readonly to?: readonly GrantPeer[];
  readonly mergeInto?: MergeTarget;
  readonly generate?: GenerateTarget;
}

/** `spec.egress`: extra egress an overlay grants. */
export interface EgressConfig {
  readonly grants: readonly EgressGrant[];
}

/** Defaults of `spec.egress`. */
export const EGRESS_DEFAULTS: EgressConfig = { grants: [] };

const LABELS = { type: 'object', additionalProperties: { type: 'string' } } as const;

const SELECTOR = {
  type: 'object',
  additionalProperties: false,
  properties: {
    matchLabels: LABELS,
    matchExpressions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['key', 'operator'],
        properties: {
          key: { type: 'string', minLength: 1 },
          operator: { enum: ['In', 'NotIn', 'Exists', 'DoesNotExist'] },
          values: { type: 'array', items: { type: 'string' } },
        },
      },
    },
  },
} as const;

const PORT_NUMBER = { type: 'integer', minimum: 1, maximum: 65535 } as const;
const NAME = { type: 'string', minLength: 1, maxLength: 253, pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$' } as const;

const PORT = {
  type: 'object',
  additionalProperties: false,
  required: ['port'],
  properties: {
    port: {
      description: 'A port number, or the name of a container port (IANA service name).',
      anyOf: [PORT_NUMBER, { type: 'string', minLength: 1, maxLength: 15, pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' }],
    },
    endPort: { ...PORT_NUMBER, description: 'Last port of a range starting at `port` (numeric ports only).' },
    protocol: { enum: ['TCP', 'UDP', 'SCTP'], description: 'Default TCP.' },
  },
} as const;

const PEER = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    ipBlock: {
      type: 'object',
      additionalProperties: false,
      required: ['cidr'],
      properties: { cidr: { type: 'string', minLength: 1 }, except: { type: 'array', items: { type: 'string', minLength: 1 } } },
    },
    namespaceSelector: SELECTOR,
    podSelector: SELECTOR,
  },
} as const;

const GRANT = {
  type: 'object',
  additionalProperties: false,
  required: ['ports'],
  description: 'Exactly one of mergeInto and generate (checked by checkEgress).',
  properties: {
    name: { type: 'string', minLength: 1 },
    ports: { type: 'array', minItems: 1, items: PORT },
    to: { type: 'array', items: PEER, description: 'Destinations; absent means any destination.' },
    mergeInto: {
      type: 'object',
      additionalProperties: false,
      description: 'Existing policies to extend: every given criterion (at least one of name, namespace, policySelector) must hold.',
      properties: {
        name: NAME,
        namespace: NAME,
        policySelector: { ...SELECTOR, description: 'Selects policies by their metadata.labels.' },
        addEgressPolicyType: { type: 'boolean', description: 'Allow adding Egress to policyTypes of a policy that did not isolate egress.' },
      },
    },
    generate: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'podSelector'],
      description: 'A separate API-specific policy (policyTypes [Egress]).',
      properties: {
        name: NAME,
        namespace: NAME,
        podSelector: SELECTOR,
        labels: LABELS,
        path: { type: 'string', minLength: 1, description: 'File for kpt fn render; default <namespace>/<name>.yaml.' },
      },
    },
  },
} as const;

/** JSON Schema of `spec.egress` (strict: unknown fields are errors). */
export const EGRESS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Egress ports an overlay adds, merged into policies or generated as a separate policy.',
  properties: {
    grants: { type: 'array', items: GRANT },
  },
} as const;

/**
 * Cross-field checks on a schema-valid `spec.egress` (ajv's strict mode keeps `required`
 * out of `oneOf`, and these messages say more): exactly one of `mergeInto` and `generate`,
 * a `mergeInto` that names at least one criterion, `endPort` only after a numeric `port`
 * not above it, CIDRs that parse with every `except` strictly inside its `cidr`. One line
 * in `CONFIG_CHECKS` runs it after the schema.
 */
export function checkEgress(config: Config): ConfigProblem[] {
  const errors: ConfigProblem[] = [];
  config.egress.grants.forEach((grant, g) => {
    const at = ['spec', 'egress', 'grants', g];
    if ((grant.mergeInto === undefined) === (grant.generate === undefined))
      errors.push({ path: at, message: 'a grant needs exactly one of mergeInto and generate' });
    const target = grant.mergeInto;
    if (target !== undefined && target.name === undefined && target.namespace === undefined && target.policySelector === undefined)
      errors.push({ path: [...at, 'mergeInto'], message: 'mergeInto needs at least one of name, namespace and policySelector' });
    grant.ports.forEach((port, p) => {
      const at = ['spec', 'egress', 'grants', g, 'ports', p, 'endPort'];
      if (port.endPort === undefined) return;
      if (typeof port.port === 'string') errors.push({ path: at, message: 'endPort needs a numeric port, not a named one' });
      else if (port.endPort < port.port) errors.push({ path: at, message: `endPort ${port.endPort} is below port ${port.port}` });
    });
    (grant.to ?? []).forEach((peer, t) => {
      const at = ['spec', 'egress', 'grants', g, 'to', t];
      if (peer.ipBlock === undefined) return;
      if (peer.namespaceSelector !== undefined || peer.podSelector !== undefined)
        errors.push({ path: at, message: 'ipBlock cannot be combined with namespaceSelector or podSelector' });
      const cidr = parseCidr(peer.ipBlock.cidr);
      if (cidr === undefined) {
        errors.push({ path: [...at, 'ipBlock', 'cidr'], message: `not a CIDR: ${peer.ipBlock.cidr}` });
        return;
      }
      (peer.ipBlock.except ?? []).forEach((text, e) => {
        const inner = parseCidr(text);
        const path = [...at, 'ipBlock', 'except', e];
        if (inner === undefined) errors.push({ path, message: `not a CIDR: ${text}` });
        else if (inner[0].kind() !== cidr[0].kind() || !inner[0].match(cidr) || inner[1] <= cidr[1])
          errors.push({ path, message: `${text} is not strictly inside ${peer.ipBlock?.cidr ?? ''}` });
      });
    });
  });
  return errors;
}

function parseCidr(text: string): [ipaddr.IPv4 | ipaddr.IPv6, number] | undefined {
  try {
    return ipaddrLib().parseCIDR(text);
  } catch {
    return undefined;
  }
}
