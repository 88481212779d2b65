import { selectorsTransform } from './selectors';
import type { Transform } from './types';

/** Transforms in the order they run; a new transform is one line here. */
export const TRANSFORMS: readonly Transform[] = [selectorsTransform];
