/** `spec.analysis`: connectivity analysis options. */
export interface AnalysisConfig {
  /** Report a connectivity summary as info results. */
  readonly summary: boolean;
}

export const ANALYSIS_DEFAULTS: AnalysisConfig = { summary: false };

export const ANALYSIS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Connectivity analysis options.',
  properties: {
    summary: { type: 'boolean' },
  },
} as const;
