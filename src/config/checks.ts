import type { FieldPath } from '../krm/path';
import { checkEgress } from './sections/egress';
import type { Config } from './types';
import { validationConfigCheck } from '../validate/config';

/** A problem the JSON Schema cannot express, found in an otherwise well-formed config. */
export interface ConfigProblem {
  /** Path inside the functionConfig (`['spec', 'egress', 'grants', 0, 'ports', 1]`). */
  readonly path: FieldPath;
  readonly message: string;
}

/** A cross-field check over the effective config. */
export type ConfigCheck = (config: Config) => ConfigProblem[];

/** Checks run after schema validation; each feature adds its own here, one line each. */
export const CONFIG_CHECKS: readonly ConfigCheck[] = [checkEgress, validationConfigCheck];
