import { apiDecoding } from './rules/api-decoding';
import { apiValidation } from './rules/api-validation';
import { apiVersion } from './rules/api-version';
import { apiWarning } from './rules/api-warning';
import { dnsUdpOnly } from './rules/dns-udp-only';
import { duplicatePolicy } from './rules/duplicate-policy';
import { egressWithoutDns } from './rules/egress-without-dns';
import { ignoredDirection } from './rules/ignored-direction';
import { ipBlockCoversCluster } from './rules/ipblock-covers-cluster';
import { namedPortUndeclared } from './rules/named-port-undeclared';
import { namespaceSelectorUnmatched } from './rules/namespace-selector-unmatched';
import { nullSelector } from './rules/null-selector';
import { selectsNoWorkload } from './rules/selects-no-workload';
import type { Rule } from './types';

/** Every validation and lint rule, in report order; a new rule is one line here. */
export const RULES: readonly Rule[] = [
  apiVersion,
  apiDecoding,
  apiValidation,
  apiWarning,
  duplicatePolicy,
  ignoredDirection,
  nullSelector,
  selectsNoWorkload,
  namespaceSelectorUnmatched,
  namedPortUndeclared,
  egressWithoutDns,
  dnsUdpOnly,
  ipBlockCoversCluster,
];
