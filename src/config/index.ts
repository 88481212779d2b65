// The functionConfig: its sections (type, defaults, JSON Schema each), loading of the typed
// and the flat ConfigMap forms, and the cross-field checks the schema cannot express.
export { loadConfig, type LoadedConfig } from './load';
export { NETPOL_GUARD_SCHEMA, CONFIG_API_VERSION, CONFIG_KIND } from './schema';
export { DEFAULT_CONFIG, SECTION_SCHEMAS } from './sections';
export type { Config } from './types';
