import { yamlLib } from '../krm/yaml-lib';
import { SECTION_SCHEMAS } from './sections';
import { setOwn } from '../krm/path';
import type { SchemaProblem } from './errors';

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; items?: JsonSchema; additionalProperties?: unknown; enum?: unknown[] };

/**
 * The flat ConfigMap form (`kpt fn eval ... -- selectors.mode=check dns.ensure=true`):
 * each `data` key is a dotted path into `spec`, each value a string converted by the
 * schema's type. Lists take `a,b` or YAML flow (`[a, b]`); maps take `k=v,k2=v2` or
 * YAML flow; anything structured (grants, expectations) takes YAML flow text.
 */
export function specFromFlatData(data: Readonly<Record<string, unknown>>): { spec: Record<string, unknown>; problems: SchemaProblem[] } {
  const spec: Record<string, unknown> = {};
  const problems: SchemaProblem[] = [];
  for (const [key, raw] of Object.entries(data)) {
    const segments = key.split('.');
    const schema = schemaAt(segments);
    if (schema === undefined) {
      problems.push({ path: ['data', key], message: `unknown key "${key}"; known keys: ${knownKeys().join(', ')}` });
      continue;
    }
    const text = typeof raw === 'string' ? raw : String(raw);
    const converted = convert(text, schema);
    if (converted.ok) setAt(spec, segments, converted.value);
    else problems.push({ path: ['data', key], message: converted.message });
  }
  return { spec, problems };
}

function schemaAt(segments: readonly string[]): JsonSchema | undefined {
  let schema: JsonSchema | undefined = { type: 'object', properties: SECTION_SCHEMAS as unknown as Record<string, JsonSchema> };
  for (const segment of segments) schema = schema?.properties?.[segment];
  return schema;
}

/** Every key the flat form accepts: sections and their direct fields. */
function knownKeys(): string[] {
  const keys: string[] = [];
  for (const [section, schema] of Object.entries(SECTION_SCHEMAS as unknown as Record<string, JsonSchema>)) {
    const fields = schema.properties === undefined ? [] : Object.keys(schema.properties);
    if (fields.length === 0) keys.push(section);
    else keys.push(...fields.map((field) => `${section}.${field}`));
  }
  return keys;
}

function setAt(target: Record<string, unknown>, segments: readonly string[], value: unknown): void {
  let node = target;
  for (const segment of segments.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(node, segment) ? node[segment] : undefined;
    if (typeof next !== 'object' || next === null) node[segment] = {};
    node = node[segment] as Record<string, unknown>;
  }
  setOwn(node, segments[segments.length - 1]!, value);
}

type Converted = { ok: true; value: unknown } | { ok: false; message: string };

function convert(text: string, schema: JsonSchema): Converted {
  const trimmed = text.trim();
  switch (schema.type) {
    case 'boolean':
      if (trimmed === 'true' || trimmed === 'false') return { ok: true, value: trimmed === 'true' };
      return { ok: false, message: `"${text}" is not a boolean: use true or false` };
    case 'integer':
    case 'number':
      return /^-?[0-9]+(\.[0-9]+)?$/.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false, message: `"${text}" is not a number` };
    case 'array':
      if (trimmed.startsWith('[')) return flowValue(trimmed);
      if (schema.items?.type === 'string' || schema.items?.type === undefined) {
        return { ok: true, value: trimmed === '' ? [] : trimmed.split(',').map((part) => part.trim()) };
      }
      return flowValue(trimmed);
    case 'object':
      if (trimmed.startsWith('{') || schema.properties !== undefined) return flowValue(trimmed);
      return pairs(trimmed);
    default:
      return { ok: true, value: text };
  }
}

function flowValue(text: string): Converted {
  try {
    return { ok: true, value: yamlLib().parse(text, { uniqueKeys: true, maxAliasCount: 0 }) as unknown };
  } catch (error) {
    return { ok: false, message: `is not valid YAML flow text: ${(error as Error).message.split('\n')[0]}` };
  }
}

function pairs(text: string): Converted {
  const value: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const equals = part.indexOf('=');
    if (equals <= 0) return { ok: false, message: `"${part}" is not a key=value pair` };
    setOwn(value, part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  return { ok: true, value };
}

/**
 * Where a path of the typed form (`spec.expectations[0].port`) points in the flat form:
 * at the data key that carries it (`data[expectations]`), the longest one that was given.
 */
export function flatPathOf(path: readonly (string | number)[], data: Readonly<Record<string, unknown>>): (string | number)[] {
  if (path[0] !== 'spec') return [...path];
  for (let end = path.length; end > 1; end--) {
    const key = path.slice(1, end).join('.');
    if (Object.prototype.hasOwnProperty.call(data, key)) return ['data', key];
  }
  return ['data'];
}
