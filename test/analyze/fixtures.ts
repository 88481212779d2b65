/** Test helper: small Kubernetes objects for analysis tests, turned into Items. */
import { stringify } from 'yaml';
import type { Item } from '../../src/krm/item';
import { itemsFromYaml } from './items';

type Labels = Record<string, string>;

/** A Namespace with labels. */
export function namespace(name: string, labels: Labels = {}): object {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } };
}

/** A container port: `8080`, `[8080, 'http']` or `[53, 'dns', 'UDP']`. */
export type PortSpec = number | readonly [number, string?, string?];

/** A Deployment whose pods carry `labels` and declare `ports`. */
export function deployment(ns: string, name: string, labels: Labels, ports: readonly PortSpec[] = []): object {
  const containerPorts = ports.map((spec) => {
    const [containerPort, portName, protocol] = typeof spec === 'number' ? [spec] : spec;
    return { containerPort, ...(portName === undefined ? {} : { name: portName }), ...(protocol === undefined ? {} : { protocol }) };
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      selector: { matchLabels: labels },
      template: { metadata: { labels }, spec: { containers: [{ name: 'main', image: 'example', ports: containerPorts }] } },
    },
  };
}

/** A NetworkPolicy with the given spec. */
export function policy(ns: string, name: string, spec: object): object {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: ns }, spec };
}

/** Items (in order) from plain objects, through YAML text as the pipeline would see them. */
export function toItems(...objects: readonly object[]): Item[] {
  return itemsFromYaml(objects.map((object) => stringify(object)).join('---\n'));
}
