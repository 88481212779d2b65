import { isMapping, valueAt } from '../krm/path';
import type { Protocol } from './model';
import type { Labels } from './selector';

/** A container port a pod declares (named ports resolve against these). */
export interface ContainerPort {
  readonly name: string | undefined;
  readonly port: number;
  readonly protocol: Protocol;
}

/** Pods of one workload: the pod-template labels, namespace and declared ports. */
export interface Workload {
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly labels: Labels;
  readonly ports: readonly ContainerPort[];
}

/** A Namespace with its labels, including the implicit `kubernetes.io/metadata.name`. */
export interface NamespaceInfo {
  readonly name: string;
  readonly labels: Labels;
}

/** Where each workload kind keeps its pod template (`[]` = the object is the pod). */
export const POD_TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: [],
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
};

/** Kinds whose pods the analysis models. */
export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_TEMPLATE_PATHS);

const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  if (!isMapping(value)) return out;
  for (const [key, entry] of Object.entries(value)) if (typeof entry === 'string') out[key] = entry;
  return out;
}

/** Reads a workload of a known kind; `undefined` when it is not one or has no name. */
export function readWorkload(kind: string, value: unknown, defaultNamespace: string): Workload | undefined {
  const templatePath = POD_TEMPLATE_PATHS[kind];
  if (templatePath === undefined || !isMapping(value)) return undefined;
  const name = valueAt(value, ['metadata', 'name']);
  if (typeof name !== 'string' || name === '') return undefined;
  const namespace = valueAt(value, ['metadata', 'namespace']);
  const template = valueAt(value, templatePath);
  const containers = [
    ...asList(valueAt(template, ['spec', 'containers'])),
    ...asList(valueAt(template, ['spec', 'initContainers'])),
  ];
  return {
    kind,
    name,
    namespace: typeof namespace === 'string' && namespace !== '' ? namespace : defaultNamespace,
    labels: stringMap(valueAt(template, ['metadata', 'labels'])),
    ports: containers.flatMap((container) => asList(valueAt(container, ['ports'])).flatMap(containerPort)),
  };
}

function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function containerPort(value: unknown): ContainerPort[] {
  const port = valueAt(value, ['containerPort']);
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return [];
  const name = valueAt(value, ['name']);
  const protocol = valueAt(value, ['protocol']);
  return [
    {
      name: typeof name === 'string' && name !== '' ? name : undefined,
      port,
      protocol: protocol === 'UDP' || protocol === 'SCTP' ? protocol : 'TCP',
    },
  ];
}

/** Reads a Namespace; the API server always sets `kubernetes.io/metadata.name` to its name. */
export function readNamespace(value: unknown): NamespaceInfo | undefined {
  const name = valueAt(value, ['metadata', 'name']);
  if (typeof name !== 'string' || name === '') return undefined;
  return { name, labels: { ...stringMap(valueAt(value, ['metadata', 'labels'])), [NAMESPACE_NAME_LABEL]: name } };
}

/** A namespace that policies or workloads mention but the list does not define. */
export function implicitNamespace(name: string): NamespaceInfo {
  return { name, labels: { [NAMESPACE_NAME_LABEL]: name } };
}
