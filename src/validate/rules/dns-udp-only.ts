import { viewOf } from '../context';
import { portOpensDns, portsOf, ruleOpensDns, rulesOf } from '../lint';
import type { Rule, RuleFinding } from '../types';

/** DNS allowed on UDP but not TCP: large answers and zone transfers fall back to TCP. */
export const dnsUdpOnly: Rule = {
  id: 'netpol/dns-udp-only',
  defaultSeverity: 'warning',
  summary:
    'An egress policy opens DNS on UDP 53 but no egress rule of the policy opens TCP 53; answers too large for UDP (and DNSSEC, many records) are retried over TCP and then fail.',
  example: {
    valid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: dns, namespace: ui}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
`,
    invalid: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: dns, namespace: ui}
spec:
  podSelector: {}
  policyTypes: [Egress]
  egress:
    - ports: [{protocol: UDP, port: 53}]
`,
  },
  check(context) {
    const findings: RuleFinding[] = [];
    for (const { item, model } of viewOf(context).policies) {
      const egress = rulesOf(model).filter((at) => at.direction === 'egress');
      if (egress.some((at) => ruleOpensDns(at.rule, 'TCP'))) continue;
      for (const at of egress) {
        for (const { port, path } of portsOf(at)) {
          if (!portOpensDns(port, 'UDP')) continue;
          findings.push({
            itemIndex: item.index,
            path,
            message: `egress allows DNS on UDP 53 only; add {protocol: TCP, port: 53} so lookups that fall back to TCP still work`,
          });
        }
      }
    }
    return findings;
  },
};
