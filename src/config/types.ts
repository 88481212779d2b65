import type { AnalysisConfig } from './sections/analysis';
import type { DnsConfig } from './sections/dns';
import type { EgressConfig } from './sections/egress';
import type { ExpectationsConfig } from './sections/expectations';
import type { SelectorsConfig } from './sections/selectors';
import type { ValidationConfig } from './sections/validation';

/** The effective configuration: every section present, defaults filled in. */
export interface Config {
  readonly selectors: SelectorsConfig;
  readonly egress: EgressConfig;
  readonly dns: DnsConfig;
  readonly validation: ValidationConfig;
  readonly analysis: AnalysisConfig;
  readonly expectations: ExpectationsConfig;
}
