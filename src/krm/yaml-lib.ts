/**
 * The `yaml` library, loaded on first use. Most runs never need it: items are read from
 * their lines, edits are patched into their text, and untouched items pass through as
 * text, yet setting up its sixty-odd modules was a good share of a small list's start.
 * In the command it is a script of its own with its own code cache (scripts/build.ts).
 * Value imports of `yaml` go through here (type imports are free), or the bundle would
 * set it up at load again.
 */
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

/** The `yaml` module. */
export function yamlLib(): typeof Yaml {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require in a function is what the bundler leaves lazy
  return (loaded ??= require('yaml') as typeof Yaml);
}
