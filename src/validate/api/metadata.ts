import type { ApiError } from './field-error';
import { invalidString, required } from './field-error';
import { dns1123LabelErrors, dns1123SubdomainErrors, labelWording, qualifiedNameErrors } from './syntax';
import { validateLabels } from './selector';
import { listMember, stringEntry, stringMapEntries, stringMember } from './value';
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
  errors.push(...validateFinalizers(metadata, version));
  return errors;
}

function validateAnnotations(metadata: unknown, version: KubeVersion): ApiError[] {
  const errors: ApiError[] = [];
  const entries = stringMapEntries(metadata, 'annotations');
  let size = 0;
  for (const [key, value] of entries) {
    // Annotation keys are checked lowercased: uppercase DNS prefixes are allowed there.
    for (const detail of qualifiedNameErrors(key.toLowerCase(), labelWording(version))) {
      errors.push(invalidString(['metadata', 'annotations'], key, detail));
    }
    size += Buffer.byteLength(key) + Buffer.byteLength(value);
  }
  if (size > ANNOTATIONS_LIMIT) {
    errors.push({ type: 'TooLong', path: ['metadata', 'annotations'], detail: `may not be more than ${ANNOTATIONS_LIMIT} bytes` });
  }
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
