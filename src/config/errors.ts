import type { ErrorObject } from 'ajv';
import { pathFromJsonPointer, valueAt, type FieldPath } from '../krm/path';

/** One schema violation, as a path and a sentence that says what is allowed. */
export interface SchemaProblem {
  readonly path: FieldPath;
  readonly message: string;
}

/**
 * Turns ajv errors of a validator for `schema` into problems people can act on (unknown
 * fields list the known ones, read from the schema: the validators are built without
 * ajv's `verbose`, which would carry it in every error at a cost to every start).
 */
export function describeSchemaErrors(errors: readonly ErrorObject[], schema: object): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  for (const error of errors) {
    const path = pathFromJsonPointer(error.instancePath);
    const problem = describe(error, path, schema);
    if (problem !== undefined && !problems.some((p) => p.message === problem.message && samePath(p.path, problem.path))) problems.push(problem);
  }
  return problems;
}

function samePath(a: FieldPath, b: FieldPath): boolean {
  return a.length === b.length && a.every((segment, i) => segment === b[i]);
}

function describe(error: ErrorObject, path: FieldPath, schema: object): SchemaProblem | undefined {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      // the keyword's schema path names the schema that holds it: `#/properties/spec/additionalProperties`
      const parent = valueAt(schema, pathFromJsonPointer(error.schemaPath.slice(1)).slice(0, -1)) as { properties?: Record<string, unknown> } | undefined;
      const properties = parent?.properties;
      const known = properties === undefined ? [] : Object.keys(properties);
      return { path: [...path, field], message: `unknown field "${field}"${known.length > 0 ? `; allowed fields: ${known.join(', ')}` : ''}` };
    }
    case 'required':
      return { path: [...path, String(params.missingProperty)], message: `required field "${String(params.missingProperty)}" is missing` };
    case 'enum':
      return { path, message: `must be one of: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'type':
      return { path, message: `must be ${String(params.type)}` };
    case 'if':
      // ajv reports the failed `then` branch alongside; that error says what is wrong
      return undefined;
    case 'anyOf':
    case 'oneOf':
      return { path, message: 'does not match any of the allowed forms (see the errors beside this one)' };
    default:
      return { path, message: error.message ?? 'is not valid' };
  }
}
