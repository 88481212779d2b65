import { compareFindings, type Finding, type Severity } from './finding';
import type { ItemFile, ResourceRef } from './item';
import { formatPath } from './path';

/** A result as the KRM Functions Specification defines it (`ResourceList.results[]`). */
export interface KrmResult {
  message: string;
  severity: Severity;
  resourceRef?: ResourceRef;
  field?: { path: string };
  file?: { path: string; index?: number };
  tags: { rule: string };
}

/** What the result builder needs to know about the item a finding is about. */
export interface ItemIdentity {
  readonly ref: ResourceRef;
  readonly file: ItemFile | undefined;
}

/** Turns findings into KRM results, sorted deterministically (item, path, rule, message). */
export function toResults(findings: readonly Finding[], itemAt: (index: number) => ItemIdentity | undefined): KrmResult[] {
  return [...findings].sort(compareFindings).map((finding) => {
    const item = finding.itemIndex === undefined ? undefined : itemAt(finding.itemIndex);
    // key order as the KRM Functions Specification lists the fields
    return {
      message: finding.message,
      severity: finding.severity,
      ...(item !== undefined && (item.ref.kind !== '' || item.ref.name !== '') ? { resourceRef: refWithoutBlanks(item.ref) } : {}),
      ...(finding.path !== undefined && finding.path.length > 0 ? { field: { path: formatPath(finding.path) } } : {}),
      ...(item?.file !== undefined ? { file: { path: item.file.path, index: item.file.index } } : {}),
      tags: { rule: finding.ruleId },
    };
  });
}

function refWithoutBlanks(ref: ResourceRef): ResourceRef {
  const out: { -readonly [K in keyof ResourceRef]: ResourceRef[K] } = { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name };
  if (ref.namespace !== undefined && ref.namespace !== '') out.namespace = ref.namespace;
  return out;
}

/** Whether any result makes the run fail (exit code 1). */
export function hasErrors(results: readonly KrmResult[]): boolean {
  return results.some((result) => result.severity === 'error');
}

/** A string as a YAML scalar: plain when it cannot be misread, else JSON (a valid YAML double-quoted scalar). */
function scalar(text: string): string {
  return /^[A-Za-z_/][A-Za-z0-9_./-]*$/.test(text) && !/^(?:true|false|null|yes|no|on|off|y|n|~)$/i.test(text) ? text : JSON.stringify(text);
}

/** One result as a block YAML sequence entry, keys in the specification's order. */
export function resultText(result: KrmResult): string {
  let out = `- message: ${scalar(result.message)}\n  severity: ${result.severity}\n`;
  const ref = result.resourceRef;
  if (ref !== undefined) {
    out += `  resourceRef:\n    apiVersion: ${scalar(ref.apiVersion)}\n    kind: ${scalar(ref.kind)}\n    name: ${scalar(ref.name)}\n`;
    if (ref.namespace !== undefined) out += `    namespace: ${scalar(ref.namespace)}\n`;
  }
  if (result.field !== undefined) out += `  field:\n    path: ${scalar(result.field.path)}\n`;
  if (result.file !== undefined) {
    out += `  file:\n    path: ${scalar(result.file.path)}\n`;
    if (result.file.index !== undefined) out += `    index: ${result.file.index}\n`;
  }
  return `${out}  tags:\n    rule: ${scalar(result.tags.rule)}\n`;
}
