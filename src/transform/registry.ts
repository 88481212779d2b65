import { dnsTransform } from './dns';
import { egressTransform } from './egress';
import { selectorsTransform } from './selectors';
import type { Transform } from './types';

/**
 * Transforms in the order they run; a new transform is one line here. Selectors come first
 * so the later ones merge into hardened policies (what they add is written hardened too).
 */
export const TRANSFORMS: readonly Transform[] = [selectorsTransform, egressTransform, dnsTransform];
