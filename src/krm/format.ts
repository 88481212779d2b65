import type { KrmResult } from './result';

/** How results are shown to people and CI: text, JSON, GitHub workflow annotations, or not at all. */
export type ResultFormat = 'text' | 'json' | 'github' | 'none';

/** Every format name, for `--help` and argument errors. */
export const RESULT_FORMATS: readonly ResultFormat[] = ['text', 'json', 'github', 'none'];

/** Renders results; `minimum` hides less severe ones in the text and github formats. */
export function formatResults(results: readonly KrmResult[], format: ResultFormat, minimum: 'info' | 'warning' = 'info'): string {
  const shown = minimum === 'warning' ? results.filter((result) => result.severity !== 'info') : results;
  switch (format) {
    case 'none':
      return '';
    case 'json':
      return `${JSON.stringify(results, null, 2)}\n`;
    case 'github':
      return shown.map(githubLine).join('');
    case 'text':
      return shown.map(textLine).join('') + (shown.length > 0 ? summary(results) : '');
  }
}

function where(result: KrmResult): string {
  const parts: string[] = [];
  if (result.file !== undefined) parts.push(result.file.index !== undefined && result.file.index > 0 ? `${result.file.path}#${result.file.index}` : result.file.path);
  const ref = result.resourceRef;
  if (ref !== undefined) parts.push([ref.kind, `${ref.namespace === undefined ? '' : `${ref.namespace}/`}${ref.name}`].filter((p) => p !== '').join(' '));
  // API-server messages already open with the path, as the server prints them
  if (result.field !== undefined && !result.message.startsWith(result.field.path)) parts.push(result.field.path);
  return parts.join(' ');
}

function textLine(result: KrmResult): string {
  const place = where(result);
  return `${result.severity.padEnd(7)} ${result.tags.rule}${place === '' ? '' : ` ${place}`}: ${result.message}\n`;
}

function summary(results: readonly KrmResult[]): string {
  const count = (severity: string) => results.filter((result) => result.severity === severity).length;
  return `${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} info\n`;
}

/** GitHub workflow command; `%`, CR and LF must be escaped, and `,`/`:` in properties. */
function githubLine(result: KrmResult): string {
  const level = result.severity === 'info' ? 'notice' : result.severity;
  const properties = [`title=${escapeProperty(result.tags.rule)}`];
  if (result.file !== undefined) properties.unshift(`file=${escapeProperty(result.file.path)}`);
  const place = [result.resourceRef === undefined ? '' : `${result.resourceRef.kind} ${result.resourceRef.name}`, result.field?.path ?? ''].filter((p) => p !== '').join(' ');
  return `::${level} ${properties.join(',')}::${escapeData(place === '' ? result.message : `${place}: ${result.message}`)}\n`;
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
