/**
 * The functionConfig sections: each file owns its type, defaults and JSON Schema;
 * this list assembles them, so a new section is one file and one line.
 */
import type { Config } from '../types';
import { ANALYSIS_DEFAULTS, ANALYSIS_SCHEMA } from './analysis';
import { DNS_DEFAULTS, DNS_SCHEMA } from './dns';
import { EGRESS_DEFAULTS, EGRESS_SCHEMA } from './egress';
import { EXPECTATIONS_DEFAULTS, EXPECTATIONS_SCHEMA } from './expectations';
import { SELECTORS_DEFAULTS, SELECTORS_SCHEMA } from './selectors';
import { VALIDATION_DEFAULTS, VALIDATION_SCHEMA } from './validation';

/** Section name → its JSON Schema. */
export const SECTION_SCHEMAS = {
  selectors: SELECTORS_SCHEMA,
  egress: EGRESS_SCHEMA,
  dns: DNS_SCHEMA,
  validation: VALIDATION_SCHEMA,
  analysis: ANALYSIS_SCHEMA,
  expectations: EXPECTATIONS_SCHEMA,
} as const;

/** The configuration used when no functionConfig is given. */
export const DEFAULT_CONFIG: Config = {
  selectors: SELECTORS_DEFAULTS,
  egress: EGRESS_DEFAULTS,
  dns: DNS_DEFAULTS,
  validation: VALIDATION_DEFAULTS,
  analysis: ANALYSIS_DEFAULTS,
  expectations: EXPECTATIONS_DEFAULTS,
};
