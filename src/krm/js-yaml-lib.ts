/**
 * js-yaml, loaded on first use. Plain block text (what kustomize and kpt write) is read
 * from its lines, so most runs never parse with js-yaml; they only resolve plain scalars,
 * through js-yaml's own core-schema types (`CORE_SCALAR_TYPES`, loaded from their files).
 * Setting up the whole library (its loader's and dumper's tables, four schemas) cost a
 * small list more than reading it; in the command it is a script of its own with its own
 * code cache (scripts/build.ts). Value imports of js-yaml go through here.
 */
import type * as JsYaml from 'js-yaml';

let loaded: typeof JsYaml | undefined;

/** The js-yaml module: its parser and dumper, for what the lines do not cover. */
export function jsYamlLib(): typeof JsYaml {
  return (loaded ??= require('js-yaml') as typeof JsYaml);
}

/**
 * The implicit types of js-yaml's CORE_SCHEMA, in its order: what a plain scalar may
 * resolve to. They are the modules js-yaml's schemas are built from (`types` in its API),
 * required from their files because the package's entry sets up everything else too; the
 * package's `exports` hide those files, so they are named by path. A test holds them to
 * CORE_SCHEMA's own (in the command, js-yaml's part carries its own copies of the same
 * files).
 */
export const CORE_SCALAR_TYPES: readonly JsYaml.Type[] = [
  require('../../node_modules/js-yaml/lib/type/null.js') as JsYaml.Type,
  require('../../node_modules/js-yaml/lib/type/bool.js') as JsYaml.Type,
  require('../../node_modules/js-yaml/lib/type/int.js') as JsYaml.Type,
  require('../../node_modules/js-yaml/lib/type/float.js') as JsYaml.Type,
];
