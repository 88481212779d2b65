/** Test helper: locates np-guard's netpol-analyzer connlist cases beside the repository. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** `../shared/reference/npguard-connlist-cases/cases` relative to the repository root. */
export const CASES_DIR = join(__dirname, '..', '..', '..', 'shared', 'reference', 'npguard-connlist-cases', 'cases');

/**
 * Whether the cases are there. Outside CI a missing folder skips with a message; under
 * CI=true it throws, so a broken checkout cannot pass silently.
 */
export function referenceAvailable(what: string): boolean {
  if (existsSync(CASES_DIR)) return true;
  const message = `${what}: np-guard reference cases not found at ${CASES_DIR}`;
  if (process.env.CI === 'true') throw new Error(message);
  console.warn(`skipped ${message}`);
  return false;
}
