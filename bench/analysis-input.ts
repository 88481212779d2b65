/** The analysis scale input: workloads and policies spread over 100 namespaces, as YAML. */

const NAMESPACES = 100;
const TIERS = ['web', 'api', 'db', 'cache'];

/** A plain manifest stream with `workloads` Deployments and `policies` NetworkPolicies. */
export function analysisInput(workloads: number, policies: number): { text: string; workloads: number; policies: number } {
  const docs: string[] = [];
  for (let n = 0; n < NAMESPACES; n++) {
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-${n}\n  labels: {team: team-${n % 10}, env: ${n % 2 === 0 ? 'prod' : 'dev'}}\n`);
  }
  for (let w = 0; w < workloads; w++) {
    const tier = TIERS[w % TIERS.length]!;
    docs.push(
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${w}, namespace: ns-${w % NAMESPACES}}\nspec:\n  template:\n    metadata:\n      labels: {app: app-${w % 500}, tier: ${tier}, component: ${w % 3 === 0 ? 'service' : 'worker'}}\n    spec:\n      containers:\n      - name: c\n        ports: [{containerPort: 8080, name: http}, {containerPort: 9090, name: metrics}]\n`,
    );
  }
  for (let p = 0; p < policies; p++) {
    const ns = `ns-${p % NAMESPACES}`;
    const tier = TIERS[p % TIERS.length]!;
    const from = TIERS[(p + 1) % TIERS.length]!;
    docs.push(
      `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: np-${p}, namespace: ${ns}}\nspec:\n  podSelector:\n    matchExpressions: [{key: tier, operator: In, values: [${tier}]}, {key: app, operator: In, values: [app-${p % 500}]}]\n  policyTypes: [Ingress, Egress]\n  ingress:\n  - from:\n    - podSelector: {matchLabels: {tier: ${from}}}\n    - namespaceSelector: {matchLabels: {team: team-${p % 10}}}\n      podSelector: {matchLabels: {component: service}}\n    ports: [{port: http}, {port: 9090}]\n  egress:\n  - to:\n    - namespaceSelector: {matchLabels: {env: prod}}\n      podSelector: {matchLabels: {tier: db}}\n    ports: [{port: 5432}]\n  - to:\n    - ipBlock: {cidr: 10.${p % 250}.0.0/16, except: [10.${p % 250}.1.0/24]}\n    ports: [{port: 443, endPort: 8443}]\n`,
    );
  }
  return { text: docs.join('---\n'), workloads, policies };
}
