import { dump, load } from 'js-yaml';

/**
 * Realistic ResourceLists for the benchmark: per application a Deployment, a Service,
 * a ConfigMap and a NetworkPolicy (ingress from the ingress controller and sibling
 * apps, egress to its database, DNS and an external range), plus the team Namespaces,
 * all carrying the path/index/id annotations kustomize and kpt add. About 1.5 KB an item.
 */

const TEAMS = ['payments', 'catalog', 'orders', 'identity', 'search', 'shipping', 'reviews', 'ledger'];

function annotations(path: string, index: number, id: number): string {
  return `    annotations:
      kustomize.config.k8s.io/id: |
        name: ${path.split('/').slice(-2, -1)[0] ?? 'item'}
        namespace: ${path.split('/')[0]}
        version: v1
      config.kubernetes.io/index: '${index}'
      config.kubernetes.io/path: '${path}'
      internal.config.kubernetes.io/index: '${index}'
      internal.config.kubernetes.io/path: '${path}'
      config.k8s.io/id: '${id}'
`;
}

function namespace(name: string, team: string, id: number): string {
  return `- apiVersion: v1
  kind: Namespace
  metadata:
    name: ${name}
    labels:
      team: ${team}
      environment: production
${annotations(`${name}/namespace.yaml`, 0, id)}`;
}

function deployment(app: string, ns: string, team: string, id: number): string {
  return `- apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${app}
    namespace: ${ns}
    labels:
      app.kubernetes.io/name: ${app}
      app.kubernetes.io/part-of: ${team}
${annotations(`${ns}/${app}/deployment.yaml`, 0, id)}  spec:
    replicas: 3
    selector:
      matchLabels:
        app.kubernetes.io/name: ${app}
    template:
      metadata:
        labels:
          app.kubernetes.io/name: ${app}
          app.kubernetes.io/part-of: ${team}
          app.kubernetes.io/component: service
      spec:
        serviceAccountName: ${app}
        containers:
        - name: ${app}
          image: registry.example.com/${team}/${app}:1.4.2 # pinned by the release job
          ports:
          - name: http
            containerPort: 8080
          - name: metrics
            containerPort: 9090
          env:
          - name: DATABASE_URL
            value: "postgres://${app}-db.${ns}.svc:5432/${app}"
          - name: LOG_LEVEL
            value: "info"
          - name: OTEL_EXPORTER_OTLP_ENDPOINT
            value: "http://otel-collector.observability.svc:4317"
          - name: POD_NAME
            valueFrom:
              fieldRef: {fieldPath: metadata.name}
          - name: CACHE_TTL_SECONDS
            value: "30"
          envFrom:
          - configMapRef:
              name: ${app}-config
          readinessProbe:
            httpGet: {path: /healthz, port: http}
            periodSeconds: 10
          livenessProbe:
            httpGet: {path: /livez, port: http}
            initialDelaySeconds: 15
            periodSeconds: 20
          securityContext:
            runAsNonRoot: true
            readOnlyRootFilesystem: true
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL]}
          volumeMounts:
          - name: tmp
            mountPath: /tmp
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: '1', memory: 512Mi}
        volumes:
        - name: tmp
          emptyDir: {}
`;
}

function service(app: string, ns: string, id: number): string {
  return `- apiVersion: v1
  kind: Service
  metadata:
    name: ${app}
    namespace: ${ns}
${annotations(`${ns}/${app}/service.yaml`, 0, id)}  spec:
    selector:
      app.kubernetes.io/name: ${app}
    ports:
    - name: http
      port: 80
      targetPort: http
`;
}

function configMap(app: string, ns: string, id: number): string {
  return `- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: ${app}-config
    namespace: ${ns}
${annotations(`${ns}/${app}/configmap.yaml`, 0, id)}  data:
    application.yaml: |
      server:
        port: 8080
      features:
        new-checkout: "on"
        cache-ttl: 30s
      upstreams:
        - name: catalog
          url: http://catalog.catalog.svc
          timeout: 2s
        - name: payments
          url: http://payments.payments.svc
          timeout: 5s
      retry:
        attempts: 3
        backoff: exponential
    LOG_FORMAT: json
    FEATURE_FLAGS: "checkout-v2,fast-search,recommendations"
`;
}

function networkPolicy(app: string, ns: string, sibling: string, id: number): string {
  return `- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: ${app}
    namespace: ${ns}
${annotations(`${ns}/${app}/networkpolicy.yaml`, 0, id)}  spec:
    podSelector:
      matchLabels:
        app.kubernetes.io/name: ${app}
    policyTypes: [Ingress, Egress]
    ingress:
    - from:
      - namespaceSelector:
          matchLabels:
            kubernetes.io/metadata.name: ingress-nginx
        podSelector:
          matchLabels:
            app.kubernetes.io/name: ingress-nginx
      - podSelector:
          matchLabels:
            app.kubernetes.io/name: ${sibling}
      ports:
      - port: http
        protocol: TCP
    egress:
    - to:
      - podSelector:
          matchLabels:
            app.kubernetes.io/name: ${app}-db
      ports:
      - port: 5432
    - to:
      - namespaceSelector: {}
        podSelector:
          matchLabels:
            k8s-app: kube-dns
      ports:
      - {port: 53, protocol: UDP}
      - {port: 53, protocol: TCP}
    - to:
      - ipBlock:
          cidr: 0.0.0.0/0
          except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]
      ports:
      - port: 443
`;
}

/** A ResourceList of exactly `count` items. */
export function resourceList(count: number): string {
  const parts = ['apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n'];
  let id = 0;
  const namespaces = Math.max(1, Math.round(count / 25));
  const names: string[] = [];
  for (let n = 0; n < namespaces && id < count; n++) {
    const name = `${TEAMS[n % TEAMS.length]}-${n}`;
    names.push(name);
    parts.push(namespace(name, TEAMS[n % TEAMS.length]!, id++));
  }
  for (let app = 0; id < count; app++) {
    const ns = names[app % names.length]!;
    const team = TEAMS[(app % names.length) % TEAMS.length]!;
    const name = `app-${app}`;
    const makers = [
      () => deployment(name, ns, team, id),
      () => service(name, ns, id),
      () => configMap(name, ns, id),
      () => networkPolicy(name, ns, `app-${app + names.length}`, id),
    ];
    for (const make of makers) {
      if (id >= count) break;
      parts.push(make());
      id++;
    }
  }
  return parts.join('');
}

/** The same resources as plain manifests, without the annotations an orchestrator adds. */
export function manifests(count: number): string {
  const { items } = load(resourceList(count)) as { items: { metadata: { annotations?: unknown } }[] };
  return items
    .map((item) => {
      delete item.metadata.annotations;
      return dump(item, { lineWidth: -1, noArrayIndent: true });
    })
    .join('---\n');
}
