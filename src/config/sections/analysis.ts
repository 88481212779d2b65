/** `spec.analysis`: connectivity analysis options. */
export interface AnalysisConfig {
  /** Report the allowed connections as info results (one per connection, up to `maxSummaryResults`). */
  readonly summary: boolean;
  /** Cap on per-connection info results; the rest are counted in one closing result. */
  readonly maxSummaryResults: number;
  /**
   * Whether ipBlock peers also match pods whose IP (`status.podIP`) they contain. CNIs
   * differ (the API docs leave it to the implementation); off = ipBlocks are external only.
   */
  readonly ipBlocksMatchPods: boolean;
}

/** Off by default: a render step reports nothing unless asked, ipBlocks are external only. */
export const ANALYSIS_DEFAULTS: AnalysisConfig = { summary: false, maxSummaryResults: 50, ipBlocksMatchPods: false };

/** JSON Schema of `spec.analysis`. */
export const ANALYSIS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Connectivity analysis options.',
  properties: {
    summary: { type: 'boolean', description: 'Report allowed connections as info results.' },
    maxSummaryResults: {
      type: 'integer',
      minimum: 0,
      description: 'At most this many per-connection info results (default 50); one more result counts the rest.',
    },
    ipBlocksMatchPods: {
      type: 'boolean',
      description: 'Let ipBlock peers match pods by their status.podIP (CNI-dependent; default false: external addresses only).',
    },
  },
} as const;
