// The NetworkPolicy model and its semantics: the one reader from plain data to the model,
// label-selector matching, and the workload and Namespace readers the analysis shares.
export type * from './model';
export { readNetworkPolicy, readLabelSelector } from './read';
export { selectorMatches, requirementMatches, isEverything, EVERYTHING, type Labels } from './selector';
export { readWorkload, readNamespace, implicitNamespace, WORKLOAD_KINDS, type Workload, type NamespaceInfo, type ContainerPort } from './workload';
