/** A Kubernetes minor version (`1.36` → `{ major: 1, minor: 36 }`). */
export interface KubeVersion {
  readonly major: 1;
  readonly minor: number;
}

/** Oldest minor whose API-server behaviour is modelled (endPort and SCTP are GA-era from here). */
export const OLDEST_MINOR = 22;
/** Newest minor whose behaviour is modelled; newer versions behave like it. */
export const NEWEST_MINOR = 37;
/** The default, matching `validation.kubernetesVersion`. */
export const DEFAULT_VERSION: KubeVersion = { major: 1, minor: 36 };

/** Parses `1.<minor>`; `undefined` when it is not of that form or outside the modelled range. */
export function parseKubeVersion(text: string): KubeVersion | undefined {
  const match = /^1\.(0|[1-9][0-9]?)$/.exec(text);
  if (match === null) return undefined;
  const minor = Number(match[1]);
  if (minor < OLDEST_MINOR || minor > NEWEST_MINOR) return undefined;
  return { major: 1, minor };
}

/** How the version's API server treats CIDRs that only the sloppy parser accepts. */
export type CidrStrictness = 'accept' | 'warn' | 'reject';

/** StrictIPCIDRValidation: absent before 1.33, alpha (off, warnings only) 1.33–1.35, on from 1.36. */
export function cidrStrictness(version: KubeVersion): CidrStrictness {
  if (version.minor >= 36) return 'reject';
  if (version.minor >= 33) return 'warn';
  return 'accept';
}
