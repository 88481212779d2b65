/** Inputs that name files, programs and hosts a careless function might open or run (not a test). */

/** Every file name the inputs mention; none may ever be opened. */
export const NAMED_FILES = ['/etc/passwd', '../../x', 'evil.yaml', '/bin/sh', 'payload', '/etc/shadow'] as const;

const header = 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n';
const items = `- apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: p
    namespace: a
    annotations:
      config.kubernetes.io/path: /etc/passwd
      config.kubernetes.io/index: '0'
      internal.config.kubernetes.io/path: ../../x
      config.kubernetes.io/function: |
        exec:
          path: /bin/sh
          args: [-c, "touch payload"]
  spec:
    podSelector: {matchLabels: {app: a}}
    egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}], ports: [{port: 53, protocol: UDP}]}]
- apiVersion: kpt.dev/v1
  kind: Kptfile
  metadata: {name: pkg, annotations: {config.kubernetes.io/path: ../../x}}
  pipeline:
    mutators: [{exec: /bin/sh, configPath: /etc/shadow}]
- apiVersion: v1
  kind: ConfigMap
  metadata: {name: c, annotations: {config.kubernetes.io/path: evil.yaml}}
  data: {$ref: "file:///etc/passwd", include: "!include /etc/passwd", url: "http://169.254.169.254/latest/meta-data"}
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: d, namespace: a, annotations: {config.kubernetes.io/path: /etc/passwd}}
  spec:
    selector: {matchLabels: {app: a}}
    template:
      metadata: {labels: {app: a}}
      spec: {containers: [{name: c, image: evil, command: [/bin/sh, -c, "touch payload"]}]}
`;

/** A ResourceList whose items and functionConfig name files, programs and hosts. */
export const HOSTILE_LIST = `${header}${items}functionConfig:
  apiVersion: netpol-guard.dev/v1alpha1
  kind: NetpolGuard
  metadata:
    name: cfg
    annotations:
      config.kubernetes.io/function: |
        exec:
          path: /bin/sh
      config.kubernetes.io/path: /etc/passwd
  spec:
    dns: {ensure: true}
    egress:
      grants:
      - name: gen
        ports: [{port: 443}]
        to: [{ipBlock: {cidr: 10.0.0.0/8}}]
        generate: {name: gen, namespace: a, podSelector: {}, path: /etc/evil.yaml}
    expectations:
    - {from: a/d, to: 169.254.169.254, port: 80, allowed: false}
`;

/** The same items with the flat ConfigMap form carrying exec-like and path-like settings. */
export const HOSTILE_FLAT = `${header}${items}functionConfig:
  apiVersion: v1
  kind: ConfigMap
  metadata: {name: cfg, annotations: {config.kubernetes.io/function: "exec: {path: /bin/sh}"}}
  data:
    exec: /bin/sh
    config: /etc/passwd
    selectors.mode: harden
`;
