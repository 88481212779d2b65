/**
 * Reading a decoded object the way Go's zero values read it: after strict decoding has
 * passed, `null` and absent are the zero value, so these accessors never throw.
 */
import { isMapping } from '../../krm/path';

/** A JSON object (the decoded form of a Go struct or map). */
export type JsonObject = Readonly<Record<string, unknown>>;

/** Whether the value is a JSON object. */
export function isObject(value: unknown): value is JsonObject {
  return isMapping(value);
}

/** A present, non-null member (a Go pointer that is not nil). */
export function member(object: unknown, key: string): unknown {
  if (!isObject(object) || !Object.prototype.hasOwnProperty.call(object, key)) return undefined;
  const value = object[key];
  return value === null ? undefined : value;
}

/** A string member, `''` when absent or null (Go's zero value). */
export function stringMember(object: unknown, key: string): string {
  const value = member(object, key);
  return typeof value === 'string' ? value : '';
}

/** A list member, `[]` when absent or null. */
export function listMember(object: unknown, key: string): readonly unknown[] {
  const value = member(object, key);
  return Array.isArray(value) ? value : [];
}

/** A string-map member as entries sorted by key (Go iterates maps randomly; we pick an order). */
export function stringMapEntries(object: unknown, key: string): [string, string][] {
  const value = member(object, key);
  if (!isObject(value)) return [];
  return Object.keys(value)
    .sort()
    .map((name) => [name, typeof value[name] === 'string' ? (value[name] as string) : '']);
}

/** A list entry as a string (`null` entries decode to `''`). */
export function stringEntry(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
