/**
 * JSON Schema of `networking.k8s.io/v1` NetworkPolicy as the API server's request decoder
 * sees it, derived from the Kubernetes OpenAPI v3 document
 * `api/openapi-spec/v3/apis__networking.k8s.io__v1_openapi.json` (kubernetes/kubernetes),
 * components `io.k8s.api.networking.v1.{NetworkPolicy, NetworkPolicySpec,
 * NetworkPolicyIngressRule, NetworkPolicyEgressRule, NetworkPolicyPeer, NetworkPolicyPort,
 * IPBlock}` and `io.k8s.apimachinery.pkg.apis.meta.v1.{ObjectMeta, OwnerReference,
 * ManagedFieldsEntry, LabelSelector, LabelSelectorRequirement}`.
 *
 * How it was derived, so that the schema states exactly what strict decoding (a 400
 * before validation) rejects and nothing that validation (a 422) reports:
 * - kept: `type`, `properties`, `items`, map `additionalProperties`; definitions are named
 *   after the Go structs so error messages can name them;
 * - added: `additionalProperties: false` on every struct (`fieldValidation=Strict`
 *   rejects unknown fields), `nullable: true` everywhere (JSON null decodes to the zero
 *   value), int32 bounds for `format: int32`, and `IntOrString` as integer-or-string;
 * - dropped: `required`, `enum`, `default`, `description`, `format` and the
 *   `x-kubernetes-*` extensions (required fields and enums are validation errors with
 *   their own messages), `clusterName` (removed from ObjectMeta in 1.25) and `status`
 *   (removed from NetworkPolicy in 1.27); the decoder allows both for the versions that
 *   had them;
 * - `Time` fields are strings and `FieldsV1` is any object, as their custom JSON forms are.
 */

const int32 = { type: 'integer', minimum: -2147483648, maximum: 2147483647, nullable: true } as const;
const int64 = { type: 'integer', nullable: true } as const;
const string = { type: 'string', nullable: true } as const;
const boolean = { type: 'boolean', nullable: true } as const;
const stringList = { type: 'array', nullable: true, items: string } as const;
const stringMap = { type: 'object', nullable: true, additionalProperties: string } as const;

function struct<P extends Record<string, object>>(properties: P) {
  return { type: 'object', nullable: true, additionalProperties: false, properties } as const;
}

function list<R extends string>(ref: R) {
  return { type: 'array', nullable: true, items: { $ref: `#/definitions/${ref}` as `#/definitions/${R}` } } as const;
}

function ref<R extends string>(name: R) {
  return { $ref: `#/definitions/${name}` as `#/definitions/${R}` } as const;
}

/**
 * The decoding schema of a NetworkPolicy (compiled at build time by scripts/gen-validators.ts).
 * A function, so a run builds it only to explain a decoding error (test/startup.test.ts).
 */
export const networkPolicyV1Schema = () => ({
  $id: 'https://netpol-guard.dev/schemas/k8s/networking.k8s.io/v1/NetworkPolicy.json',
  title: 'NetworkPolicy',
  description: 'networking.k8s.io/v1 NetworkPolicy as strict request decoding accepts it.',
  $ref: '#/definitions/NetworkPolicy',
  definitions: {
    NetworkPolicy: struct({ apiVersion: string, kind: string, metadata: ref('ObjectMeta'), spec: ref('NetworkPolicySpec') }),
    ObjectMeta: struct({
      annotations: stringMap,
      creationTimestamp: string,
      deletionGracePeriodSeconds: int64,
      deletionTimestamp: string,
      finalizers: stringList,
      generateName: string,
      generation: int64,
      labels: stringMap,
      managedFields: list('ManagedFieldsEntry'),
      name: string,
      namespace: string,
      ownerReferences: list('OwnerReference'),
      resourceVersion: string,
      selfLink: string,
      uid: string,
    }),
    OwnerReference: struct({ apiVersion: string, blockOwnerDeletion: boolean, controller: boolean, kind: string, name: string, uid: string }),
    ManagedFieldsEntry: struct({
      apiVersion: string,
      fieldsType: string,
      fieldsV1: { type: 'object', nullable: true },
      manager: string,
      operation: string,
      subresource: string,
      time: string,
    }),
    NetworkPolicySpec: struct({
      egress: list('NetworkPolicyEgressRule'),
      ingress: list('NetworkPolicyIngressRule'),
      podSelector: ref('LabelSelector'),
      policyTypes: stringList,
    }),
    NetworkPolicyIngressRule: struct({ from: list('NetworkPolicyPeer'), ports: list('NetworkPolicyPort') }),
    NetworkPolicyEgressRule: struct({ ports: list('NetworkPolicyPort'), to: list('NetworkPolicyPeer') }),
    NetworkPolicyPeer: struct({ ipBlock: ref('IPBlock'), namespaceSelector: ref('LabelSelector'), podSelector: ref('LabelSelector') }),
    NetworkPolicyPort: struct({
      endPort: int32,
      port: { anyOf: [{ type: 'integer', minimum: -2147483648, maximum: 2147483647 }, { type: 'string' }, { type: 'null' }] },
      protocol: string,
    }),
    IPBlock: struct({ cidr: string, except: stringList }),
    LabelSelector: struct({ matchExpressions: list('LabelSelectorRequirement'), matchLabels: stringMap }),
    LabelSelectorRequirement: struct({ key: string, operator: string, values: stringList }),
  },
}) as const;
