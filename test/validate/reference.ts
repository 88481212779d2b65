/** Test helper: np-guard's netpol-analyzer cases, kept beside the repository (never committed). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** `../shared/reference/npguard-connlist-cases` relative to the repository root. */
export const REFERENCE_DIR = join(__dirname, '..', '..', '..', 'shared', 'reference', 'npguard-connlist-cases');

/** Whether the cases are there: outside CI a missing folder skips with a message, under CI=true it throws. */
export function referenceAvailable(what: string): boolean {
  if (existsSync(REFERENCE_DIR)) return true;
  const message = `${what}: np-guard reference cases not found at ${REFERENCE_DIR}`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`skipped ${message}`);
  return false;
}

function inputFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === 'expected' || entry.startsWith('upstream_extra') ? [] : inputFiles(path);
    return /\.(ya?ml|json)$/.test(entry) ? [path] : [];
  });
}

function flatten(value: unknown): unknown[] {
  const record = value as { kind?: unknown; items?: unknown };
  if (typeof record === 'object' && record !== null && typeof record.kind === 'string' && record.kind.endsWith('List') && Array.isArray(record.items)) {
    return record.items.flatMap(flatten);
  }
  return [value];
}

/** Every NetworkPolicy object in the cases' input manifests (lists flattened), with its file. */
export function referencePolicies(): { file: string; value: Record<string, unknown> }[] {
  return inputFiles(REFERENCE_DIR).flatMap((file) =>
    parseAllDocuments(readFileSync(file, 'utf8'))
      .flatMap((document) => flatten(document.toJS()))
      .filter((value): value is Record<string, unknown> => typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'NetworkPolicy')
      // Objects inside a NetworkPolicyList may leave out apiVersion; the list supplies it.
      .map((value) => ({ file, value: { apiVersion: 'networking.k8s.io/v1', ...value } })),
  );
}
