import type { FieldPath } from '../../krm/path';
import type { ApiError } from './field-error';
import { forbidden, invalidString, required } from './field-error';
import type { Wording } from './syntax';
import { labelValueErrors, qualifiedNameErrors } from './syntax';
import { listMember, stringEntry, stringMapEntries, stringMember } from './value';
import type { KubeVersion } from './version';
import { labelWording } from './syntax';

/** `ValidateLabelName`: every failed key check at the map's path, BadValue = the key. */
export function validateLabelKey(key: string, path: FieldPath, wording: Wording): ApiError[] {
  return qualifiedNameErrors(key, wording).map((detail) => invalidString(path, key, detail));
}

/** `ValidateLabels`: per key, the key checks then the value checks, all at the map's path. */
export function validateLabels(object: unknown, key: string, path: FieldPath, wording: Wording): ApiError[] {
  const errors: ApiError[] = [];
  for (const [name, value] of stringMapEntries(object, key)) {
    for (const detail of qualifiedNameErrors(name, wording)) errors.push(invalidString(path, name, detail));
    for (const detail of labelValueErrors(value, wording)) errors.push(invalidString(path, value, detail));
  }
  return errors;
}

/** `ValidateLabelSelector` on create (S1–S7); `selector` is a present (non-null) selector. */
export function validateLabelSelector(selector: unknown, path: FieldPath, version: KubeVersion): ApiError[] {
  const wording = labelWording(version);
  const errors = validateLabels(selector, 'matchLabels', [...path, 'matchLabels'], wording);
  listMember(selector, 'matchExpressions').forEach((requirement, index) => {
    errors.push(...validateRequirement(requirement, [...path, 'matchExpressions', index], version, wording));
  });
  return errors;
}

function validateRequirement(requirement: unknown, path: FieldPath, version: KubeVersion, wording: Wording): ApiError[] {
  const errors: ApiError[] = [];
  const operator = stringMember(requirement, 'operator');
  const values = listMember(requirement, 'values');
  const valuesPath = [...path, 'values'];
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errors.push(required(valuesPath, "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errors.push(forbidden(valuesPath, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      errors.push({ type: 'Invalid', path: [...path, 'operator'], value: { go: 'named-string', value: operator }, detail: 'not a valid selector operator' });
  }
  errors.push(...validateLabelKey(stringMember(requirement, 'key'), [...path, 'key'], wording));
  // Selector values are validated since 1.26.
  if (version.minor >= 26) {
    values.forEach((entry, index) => {
      const value = stringEntry(entry);
      for (const detail of labelValueErrors(value, wording)) errors.push(invalidString([...valuesPath, index], value, detail));
    });
  }
  return errors;
}
