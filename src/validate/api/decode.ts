import { comparePaths } from '../../krm/finding';
import type { FieldPath } from '../../krm/path';
import { formatPath, pathFromJsonPointer, valueAt } from '../../krm/path';
import { validate as networkPolicyV1 } from '../../generated/network-policy-v1';
import { networkPolicyV1Schema } from '../schema/network-policy-v1';
import type { ApiError } from './field-error';
import type { KubeVersion } from './version';

/** Named Go string types, which Go prints by name in a type error. */
const NAMED_STRINGS: Readonly<Record<string, string>> = {
  'NetworkPolicyPort.protocol': 'v1.Protocol',
  'NetworkPolicySpec.policyTypes': 'v1.PolicyType',
  'LabelSelectorRequirement.operator': 'v1.LabelSelectorOperator',
  'ManagedFieldsEntry.fieldsV1': 'v1.FieldsV1',
};

type SchemaNode = Readonly<Record<string, unknown>>;
let definitions: Readonly<Record<string, SchemaNode>> | undefined;

/** The schema's definitions, built when a decoding error first needs a Go type name. */
function definitionsOf(): Readonly<Record<string, SchemaNode>> {
  return (definitions ??= networkPolicyV1Schema().definitions as unknown as Readonly<Record<string, SchemaNode>>);
}

function refName(node: SchemaNode): string | undefined {
  return typeof node.$ref === 'string' ? node.$ref.replace('#/definitions/', '') : undefined;
}

/** The Go type a schema node decodes into (`named` for a named string type). */
function goType(node: SchemaNode, named: string | undefined): string {
  const ref = refName(node);
  if (ref !== undefined) return `v1.${ref}`;
  if (Array.isArray(node.anyOf)) return 'int32';
  switch (node.type) {
    case 'integer':
      return node.minimum === undefined ? 'int64' : 'int32';
    case 'boolean':
      return 'bool';
    case 'array':
      return `[]${goType(node.items as SchemaNode, named)}`;
    case 'object':
      return named ?? 'map[string]string';
    default:
      return named ?? 'string';
  }
}

/**
 * Go's error context for a path: the innermost struct, the JSON field names from the root
 * (no indexes, no map keys: Go's field stack holds struct fields only) and the target type.
 */
function goTarget(path: FieldPath): { struct: string; fields: string[]; type: string } {
  let struct = 'NetworkPolicy';
  let owner = 'NetworkPolicy';
  const structs = definitionsOf();
  let node: SchemaNode = structs.NetworkPolicy!;
  let named: string | undefined;
  const fields: string[] = [];
  for (const segment of path) {
    const ref = refName(node);
    if (ref !== undefined) {
      owner = ref;
      node = structs[ref]!;
    }
    const properties = node.properties as Readonly<Record<string, SchemaNode>> | undefined;
    if (properties !== undefined && typeof segment === 'string' && properties[segment] !== undefined) {
      struct = owner;
      named = NAMED_STRINGS[`${owner}.${segment}`];
      fields.push(segment);
      node = properties[segment]!;
    } else if (node.type === 'array' && typeof segment === 'number') node = node.items as SchemaNode;
    else if (node.type === 'object' && typeof node.additionalProperties === 'object') node = node.additionalProperties as SchemaNode;
  }
  return { struct, fields, type: goType(node, named) };
}

/** Fields the schema leaves out because only some versions have them. */
function versionAllows(path: FieldPath, version: KubeVersion): boolean {
  const text = formatPath(path);
  if (text === 'status') return version.minor >= 24 && version.minor <= 26;
  if (text === 'metadata.clusterName') return version.minor <= 24;
  return false;
}

const PREFIX = 'NetworkPolicy in version "v1" cannot be handled as a NetworkPolicy: ';

/** What Go's decoder calls the JSON value it could not store (`UnmarshalTypeError.Value`). */
function describe(value: unknown, target: string): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return /^u?int/.test(target) ? `number ${String(value)}` : 'number';
  return 'object';
}

/** `json: cannot unmarshal <value> into Go struct field <Struct>.<fields> of type <type>`. */
function typeError(root: unknown, path: FieldPath): ApiError {
  const target = goTarget(path);
  const subject = target.fields.length === 0 ? 'Go value' : `Go struct field ${target.struct}.${target.fields.join('.')}`;
  return {
    type: 'Decode',
    path,
    detail: `${PREFIX}json: cannot unmarshal ${describe(valueAt(root, path), target.type)} into ${subject} of type ${target.type}`,
  };
}

/**
 * Strict decoding of a NetworkPolicy value, by the precompiled schema: unknown fields
 * (`StrictDecoding`) and values of the wrong JSON type or outside int32 (`Decode`), in the
 * order the server meets them (kubectl sends keys sorted). The server stops at the first
 * type error; every one is listed here so one run shows them all.
 */
export function decodingErrors(value: unknown, version: KubeVersion): ApiError[] {
  if (networkPolicyV1(value)) return [];
  const errors: ApiError[] = [];
  const seen = new Set<string>();
  const all = networkPolicyV1.errors ?? [];
  const anyOfPaths = new Set(all.filter((error) => error.keyword === 'anyOf').map((error) => error.instancePath));
  for (const error of all) {
    if (error.keyword === 'additionalProperties') {
      const path = [...pathFromJsonPointer(error.instancePath), String((error.params as { additionalProperty: string }).additionalProperty)];
      if (versionAllows(path, version)) continue;
      errors.push({ type: 'StrictDecoding', path, detail: `${PREFIX}strict decoding error: unknown field ${JSON.stringify(formatPath(path))}` });
      continue;
    }
    // Branch errors of the IntOrString `anyOf` repeat what its own error says.
    if (error.keyword !== 'anyOf' && anyOfPaths.has(error.instancePath)) continue;
    const path = pathFromJsonPointer(error.instancePath);
    const key = formatPath(path);
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(typeError(value, path));
  }
  return errors.sort((a, b) => comparePaths(a.path, b.path));
}
