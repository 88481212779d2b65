import type { ApiError } from './field-error';
import { invalidString, required } from './field-error';
import { dns1123LabelErrors, dns1123SubdomainErrors, labelWording, qualifiedNameErrors } from './syntax';
import { validateLabels } from './selector';
import { listMember, member, stringEntry, stringMapEntries, stringMember } from './value';
import type { KubeVersion } from './version';

const ANNOTATIONS_LIMIT = 262144;
const STANDARD_FINALIZERS = ['kubernetes', 'orphan', 'foregroundDeletion'];

/**
 * `ValidateObjectMeta` for a namespaced object named by DNS subdomain (M1–M12). A missing
 * namespace is not reported: kubectl and kustomize fill it from the request (M5 cannot fire).
 */
export function validateMetadata(metadata: unknown, version: KubeVersion): ApiError[] {
  const errors: ApiError[] = [];
  const wording = labelWording(version);
  const generateName = stringMember(metadata, 'generateName');
  if (generateName !== '') {
    // A generated name gets a suffix, so a trailing `-` is fine there.
    const masked = generateName.length > 1 && generateName.endsWith('-') ? `${generateName.slice(0, -1)}a` : generateName;
    for (const detail of dns1123SubdomainErrors(masked)) errors.push(invalidString(['metadata', 'generateName'], generateName, detail));
  }
  const name = stringMember(metadata, 'name');
  if (name === '') errors.push(required(['metadata', 'name'], 'name or generateName is required'));
  else for (const detail of dns1123SubdomainErrors(name)) errors.push(invalidString(['metadata', 'name'], name, detail));
  const namespace = stringMember(metadata, 'namespace');
  if (namespace !== '') {
    for (const detail of dns1123LabelErrors(namespace)) errors.push(invalidString(['metadata', 'namespace'], namespace, detail));
  }
  errors.push(...validateLabels(metadata, 'labels', ['metadata', 'labels'], wording));
  errors.push(...validateAnnotations(metadata, version));
  errors.push(...validateOwnerReferences(metadata, version));
  errors.push(...validateFinalizers(metadata, version));
  return errors;
}

function validateAnnotations(metadata: unknown, version: KubeVersion): ApiError[] {
  const errors: ApiError[] = [];
  const entries = stringMapEntries(metadata, 'annotations');
  const wording = labelWording(version);
  let size = 0;
  for (const [key, value] of entries) {
    // Annotation keys are checked lowercased: uppercase DNS prefixes are allowed there.
    for (const detail of qualifiedNameErrors(key.toLowerCase(), wording)) {
      errors.push(invalidString(['metadata', 'annotations'], key, detail));
    }
    size += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (size > ANNOTATIONS_LIMIT) {
    errors.push({ type: 'TooLong', path: ['metadata', 'annotations'], detail: `may not be more than ${ANNOTATIONS_LIMIT} bytes` });
  }
  return errors;
}

/** An owner reference as Go marshals it (struct field order, unset pointers omitted). */
function ownerJson(reference: unknown): Record<string, unknown> {
  const json: Record<string, unknown> = {
    apiVersion: stringMember(reference, 'apiVersion'),
    kind: stringMember(reference, 'kind'),
    name: stringMember(reference, 'name'),
    uid: stringMember(reference, 'uid'),
  };
  for (const key of ['controller', 'blockOwnerDeletion']) {
    const flag = member(reference, key);
    if (typeof flag === 'boolean') json[key] = flag;
  }
  return json;
}

/** `schema.ParseGroupVersion`: the version part, `''` when absent or malformed. */
function apiVersionVersion(apiVersion: string): string {
  if (apiVersion === '' || apiVersion === '/') return '';
  const parts = apiVersion.split('/');
  if (parts.length === 1) return apiVersion;
  return parts.length === 2 ? parts[1]! : '';
}

/** `ValidateOwnerReferences` (M13); entries are indexed in paths from 1.37 only. */
function validateOwnerReferences(metadata: unknown, version: KubeVersion): ApiError[] {
  const errors: ApiError[] = [];
  const references = listMember(metadata, 'ownerReferences');
  let firstController = '';
  references.forEach((reference, index) => {
    const path = version.minor >= 37 ? ['metadata', 'ownerReferences', index] : ['metadata', 'ownerReferences'];
    const apiVersion = stringMember(reference, 'apiVersion');
    const kind = stringMember(reference, 'kind');
    const versionPart = apiVersionVersion(apiVersion);
    if (versionPart === '') errors.push(invalidString([...path, 'apiVersion'], apiVersion, 'version must not be empty'));
    if (kind === '') errors.push(invalidString([...path, 'kind'], kind, 'must not be empty'));
    for (const key of ['name', 'uid']) {
      const value = stringMember(reference, key);
      if (value === '') errors.push(invalidString([...path, key], value, 'must not be empty'));
    }
    if (apiVersion === 'v1' && kind === 'Event') {
      errors.push({ type: 'Invalid', path, value: { go: 'struct', value: ownerJson(reference) }, detail: '/v1, Kind=Event is disallowed from being an owner' });
    }
    if (member(reference, 'controller') === true) {
      const name = `${kind}/${stringMember(reference, 'name')}`;
      if (firstController === '') firstController = name;
      else {
        errors.push({
          type: 'Invalid',
          path: ['metadata', 'ownerReferences'],
          value: { go: 'struct', value: references.map(ownerJson) },
          detail: `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${name}`,
        });
      }
    }
  });
  return errors;
}

function validateFinalizers(metadata: unknown, version: KubeVersion): ApiError[] {
  const errors: ApiError[] = [];
  const finalizers = listMember(metadata, 'finalizers').map(stringEntry);
  for (const finalizer of finalizers) {
    for (const detail of qualifiedNameErrors(finalizer, labelWording(version))) {
      errors.push(invalidString(['metadata', 'finalizers'], finalizer, detail));
    }
  }
  if (finalizers.includes('orphan') && finalizers.includes('foregroundDeletion')) {
    errors.push({
      type: 'Invalid',
      path: ['metadata', 'finalizers'],
      value: { go: 'slice', goType: '[]string', value: finalizers },
      detail: 'finalizer orphan and foregroundDeletion cannot be both set',
    });
  }
  finalizers.forEach((finalizer, index) => {
    if (!finalizer.includes('/') && !STANDARD_FINALIZERS.includes(finalizer)) {
      errors.push(invalidString(['metadata', 'finalizers', index], finalizer, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errors;
}
