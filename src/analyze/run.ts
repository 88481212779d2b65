import type { Item } from '../krm/item';
import { buildClasses, type AnalysisOptions, type ClassIndex } from './classes';
import { listConnections, type Connection } from './connections';
import { computeReachability, type Reachability } from './engine';
import { readInventory, type Inventory } from './inventory';

/** Everything one analysis computes, for the reports and the expectations. */
export interface Analysis {
  readonly inventory: Inventory;
  readonly index: ClassIndex;
  readonly reach: Reachability;
  readonly options: AnalysisOptions;
}

/** Reads the items and precomputes reachability per pod class. */
export function runAnalysis(items: readonly Item[], options: AnalysisOptions): Analysis {
  const inventory = readInventory(items);
  const index = buildClasses(inventory, options);
  return { inventory, index, reach: computeReachability(inventory, index, options), options };
}

/** The sorted connection list of an analysis. */
export function connectionsOf(analysis: Analysis): Connection[] {
  return listConnections(analysis.inventory, analysis.reach);
}
