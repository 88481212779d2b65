/**
 * ipaddr.js, loaded on first use. The API checks parse CIDRs themselves (the API server's
 * grammar) and print addresses with ipaddr.js only in some warnings; the analysis and the
 * egress config use it more. Setting it up (its tables of special ranges) at every start
 * cost a small list more than its policies' checks. Value imports of ipaddr.js go through
 * here (type imports are free).
 */
import type * as Ipaddr from 'ipaddr.js';

let loaded: typeof Ipaddr | undefined;

/** The ipaddr.js module. */
export function ipaddrLib(): typeof Ipaddr {
  return (loaded ??= require('ipaddr.js') as typeof Ipaddr);
}
