import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BlockLines } from '../../src/krm/block-lines';

// lines are offsets into the text; they must read exactly as the text split at newlines
const text = fc.array(fc.constantFrom('', 'a: 1', '  - b', '    # c', 'd:\r', '   '), { maxLength: 8 }).map((lines) => lines.join('\n'));

test('property: lines, line ranges and splices read as the text split at newlines', () => {
  fc.assert(
    fc.property(text, fc.nat(), fc.nat(), fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3 }), (source, a, b, replacement) => {
      const split = source.split('\n');
      const lines = new BlockLines(source);
      assert.is(lines.count, split.length);
      split.forEach((line, i) => assert.is(lines.line(i), line));
      const from = a % split.length;
      const to = from + 1 + (b % (split.length - from));
      assert.is(lines.linesText(from, to), split.slice(from, to).join('\n'));
      const spliced = [...split];
      spliced.splice(from, to - from, ...replacement);
      assert.is(lines.spliced([{ from, to, lines: replacement }]), spliced.join('\n'));
    }),
    { numRuns: 1000 },
  );
});

test('two splices apply in line order, whatever order they come in', () => {
  const lines = new BlockLines('a\nb\nc\nd\n');
  assert.is(lines.spliced([{ from: 2, to: 3, lines: ['C1', 'C2'] }, { from: 0, to: 1, lines: ['A'] }]), 'A\nb\nC1\nC2\nd\n');
});

test('a key is looked for on one line only', () => {
  const lines = new BlockLines('a\nb: 1\n');
  assert.is(lines.findKey(lines.root(), 'a\nb'), undefined);
  assert.equal(lines.findKey({ from: 0, to: 2, column: 0 }, 'b'), { keyLine: 1, end: 2, column: 0 });
});

test('property: a value is on the lines below exactly when nothing but white space follows the first colon', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', ':', ' ', '\t', '\r', '#', 'b', '\u00a0', '\v'), { maxLength: 8 }), fc.nat(3), (chars, column) => {
      const line = ' '.repeat(column) + chars.join('');
      const lines = new BlockLines(`${line}\nx: 1\n`);
      const expected = line.slice(column).replace(/^[^:]*:/, '').trim() === '' && line.slice(column).includes(':');
      assert.is(lines.valueIsBlock({ keyLine: 0, end: 1, column }), expected, JSON.stringify(line));
    }),
    { numRuns: 1000 },
  );
});

test.run();
