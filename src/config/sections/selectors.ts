/** `spec.selectors`: hardening against the kustomize commonLabels pitfall. */
export interface SelectorsConfig {
  /** harden: rewrite matchLabels; strip: remove `stripLabels` keys; check: warn only; off. */
  readonly mode: 'harden' | 'strip' | 'check' | 'off';
  /** Also treat namespaceSelectors (kustomize does not touch them; some overlays do). */
  readonly namespaceSelectors: boolean;
  /** Label keys removed from NetworkPolicy selectors in `strip` mode. */
  readonly stripLabels: readonly string[];
}

/** Defaults of `spec.selectors`. */
export const SELECTORS_DEFAULTS: SelectorsConfig = { mode: 'harden', namespaceSelectors: false, stripLabels: [] };

/** JSON Schema of `spec.selectors` (strict: unknown fields are errors). */
export const SELECTORS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Selector hardening against the kustomize commonLabels pitfall.',
  properties: {
    mode: { enum: ['harden', 'strip', 'check', 'off'], description: 'harden (default) rewrites matchLabels to matchExpressions; strip removes stripLabels keys; check only warns; off disables.' },
    namespaceSelectors: { type: 'boolean', description: 'Apply the mode to namespaceSelectors too.' },
    stripLabels: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, description: 'Label keys removed from selectors in strip mode.' },
  },
} as const;
