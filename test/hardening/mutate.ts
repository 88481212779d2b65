/** Random edits of valid inputs (not a test). */
import fc from 'fast-check';

const INSERTS = ['"', "'", '\t', ':', ': ', '\ufeff', '\0', '\r', '{', '[', '- ', '&a ', '*a', '!!binary ', '\n', '#', '|', '>', '%YAML 1.2\n', '---\n', '...\n', '  ', '__proto__: '];
/** One random edit: cut the text, insert a character YAML cares about, or delete a few. */
export const mutation = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.constantFrom(...INSERTS) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 8 }) }),
);
/** What `mutation` generates. */
export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Applies an edit at its relative position. */
export function mutate(text: string, m: Mutation): string {
  const at = Math.floor(m.at * text.length);
  if (m.op === 'truncate') return text.slice(0, at);
  if (m.op === 'insert') return text.slice(0, at) + m.text + text.slice(at);
  return text.slice(0, at) + text.slice(at + m.length);
}
