/**
 * Report formats of the connection list: each is a pure function of the connections,
 * so the CLI and the KRM stage print the same thing.
 */
import type { Connection } from '../connections';
import { formatDot } from './dot';
import { formatJson } from './json';
import { formatMarkdown } from './md';
import { formatMermaid } from './mermaid';
import { formatTxt } from './txt';

/** The formats `netpol-guard analyze --format` accepts. */
export const REPORT_FORMATS = ['txt', 'md', 'dot', 'mermaid', 'json'] as const;

/** One of {@link REPORT_FORMATS}. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const FORMATTERS: Readonly<Record<ReportFormat, (connections: readonly Connection[]) => string>> = {
  txt: formatTxt,
  md: formatMarkdown,
  dot: formatDot,
  mermaid: formatMermaid,
  json: formatJson,
};

/** Renders the connections in one format. */
export function formatReport(connections: readonly Connection[], format: ReportFormat): string {
  return FORMATTERS[format](connections);
}

/** Narrows a user-given string to a format. */
export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
