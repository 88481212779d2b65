/**
 * The apimachinery syntax checks (label keys and values, DNS names, port names). Each
 * returns the API server's detail messages, one per failed check, in its order.
 */
import type { KubeVersion } from './version';

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = `(${QUALIFIED_NAME})?`;

const dns1123Label = new RegExp(`^${DNS1123_LABEL}$`);
const dns1123Subdomain = new RegExp(`^${DNS1123_SUBDOMAIN}$`);
const qualifiedName = new RegExp(`^${QUALIFIED_NAME}$`);
const labelValue = new RegExp(`^${LABEL_VALUE}$`);

const QUALIFIED_NAME_MESSAGE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";

/** The answer of a check that passes: shared, so valid input (nearly all of it) allocates nothing. */
const PASSED: readonly string[] = Object.freeze([]);

/** apimachinery `RegexError`: the odd double space before `or` is the server's. */
export function regexError(message: string, pattern: string, ...examples: string[]): string {
  if (examples.length === 0) return `${message} (regex used for validation is '${pattern}')`;
  const list = examples.map((example) => `'${example}', `).join(' or ');
  return `${message} (e.g. ${list}regex used for validation is '${pattern}')`;
}

/** Go measures strings in bytes. */
function byteLength(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Which wording of the label checks the version prints (apimachinery rewrote them in 1.35). */
export interface Wording {
  /** `bytes` from 1.35, `characters` before. */
  readonly unit: 'bytes' | 'characters';
  /** `a valid label key` from 1.35, `a qualified name` before. */
  readonly keyNoun: string;
}

/** The label-check wording of a version. */
export function labelWording(version: KubeVersion): Wording {
  return version.minor >= 35
    ? { unit: 'bytes', keyNoun: 'a valid label key' }
    : { unit: 'characters', keyNoun: 'a qualified name' };
}

/** `IsDNS1123Subdomain`: length and syntax, both reported. */
export function dns1123SubdomainErrors(value: string, unit: Wording['unit'] = 'characters'): readonly string[] {
  if (dns1123Subdomain.test(value) && byteLength(value) <= 253) return PASSED;
  const errors: string[] = [];
  if (byteLength(value) > 253) errors.push(`must be no more than 253 ${unit}`);
  if (!dns1123Subdomain.test(value)) errors.push(regexError(SUBDOMAIN_MESSAGE, DNS1123_SUBDOMAIN, 'example.com'));
  return errors;
}

/** `IsDNS1123Label`, which singles out dots in an otherwise valid subdomain. */
export function dns1123LabelErrors(value: string): readonly string[] {
  if (dns1123Label.test(value) && byteLength(value) <= 63) return PASSED;
  const errors: string[] = [];
  if (byteLength(value) > 63) errors.push('must be no more than 63 characters');
  if (!dns1123Label.test(value)) {
    errors.push(
      dns1123Subdomain.test(value)
        ? 'must not contain dots'
        : regexError(LABEL_MESSAGE, DNS1123_LABEL, 'my-name', '123-abc'),
    );
  }
  return errors;
}

/** Keys found valid so far: the same label and annotation keys come back on every item. */
const validQualifiedNames = new Set<string>();

/** `IsQualifiedName` (label keys, annotation keys, finalizers): L1–L6 of the rules. */
export function qualifiedNameErrors(value: string, wording: Wording): readonly string[] {
  if (validQualifiedNames.has(value)) return PASSED;
  const errors = qualifiedNameChecks(value, wording);
  if (errors.length > 0) return errors;
  // bounded, for a long-lived process that validates many different lists
  if (validQualifiedNames.size >= 10000) validQualifiedNames.clear();
  validQualifiedNames.add(value);
  return PASSED;
}

function qualifiedNameChecks(value: string, wording: Wording): string[] {
  const parts = value.split('/');
  const errors: string[] = [];
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errors.push('prefix part must be non-empty');
    else errors.push(...dns1123SubdomainErrors(prefix, wording.unit).map((message) => `prefix part ${message}`));
  } else {
    return [
      `${wording.keyNoun} ${regexError(QUALIFIED_NAME_MESSAGE, QUALIFIED_NAME, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errors.push('name part must be non-empty');
  else if (byteLength(name) > 63) errors.push(`name part must be no more than 63 ${wording.unit}`);
  if (!qualifiedName.test(name)) {
    errors.push(`name part ${regexError(QUALIFIED_NAME_MESSAGE, QUALIFIED_NAME, 'MyName', 'my.name', '123-abc')}`);
  }
  return errors;
}

/** `IsValidLabelValue`: L7–L8. */
export function labelValueErrors(value: string, wording: Wording): readonly string[] {
  if (labelValue.test(value) && byteLength(value) <= 63) return PASSED;
  const errors: string[] = [];
  if (byteLength(value) > 63) errors.push(`must be no more than 63 ${wording.unit}`);
  if (!labelValue.test(value)) errors.push(regexError(LABEL_VALUE_MESSAGE, LABEL_VALUE, 'MyValue', 'my_value', '12345'));
  return errors;
}

/** `IsValidPortNum`. */
export function portNumberErrors(port: number): readonly string[] {
  return port >= 1 && port <= 65535 ? PASSED : ['must be between 1 and 65535, inclusive'];
}

/** `IsValidPortName`: the IANA service-name syntax, lowercase only (P6a–P6e). */
export function portNameErrors(port: string): string[] {
  const errors: string[] = [];
  if (byteLength(port) > 15) errors.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errors.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errors.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errors.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errors.push('must not begin or end with a hyphen');
  return errors;
}
