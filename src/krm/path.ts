/** A field path as segments: map keys are strings, sequence indexes are numbers. */
export type FieldPath = readonly (string | number)[];

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Renders a path the way the Kubernetes API server does (`spec.ingress[0].ports[1].endPort`);
 * keys that are not plain identifiers (label keys with `.` or `/`) are bracketed, as
 * `field.Path.Key` renders them, so one renderer serves every key.
 */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${segment}]`;
  }
  return out;
}

/** Converts an ajv/JSON Pointer (`/spec/ingress/0`) to segments; numeric segments become indexes. */
export function pathFromJsonPointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^(0|[1-9][0-9]*)$/.test(segment) ? Number(segment) : segment));
}

/** Whether a value is a mapping as plain data has it: an object that is not an array. */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own data property; a `__proto__` key stays an ordinary key instead of setting the prototype. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** The value at a path in plain data; own properties only, so `__proto__` and `constructor` are ordinary keys. */
export function valueAt(root: unknown, path: FieldPath): unknown {
  let current = root;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** Whether plain data nests objects `limit` levels deep or more; the recursion stops at the limit, so it cannot overflow. */
export function deeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit === 0) return true;
  if (Array.isArray(value)) {
    for (const child of value) if (deeperThan(child, limit - 1)) return true;
    return false;
  }
  for (const key in value) {
    if (Object.prototype.hasOwnProperty.call(value, key) && deeperThan((value as Record<string, unknown>)[key], limit - 1)) return true;
  }
  return false;
}
