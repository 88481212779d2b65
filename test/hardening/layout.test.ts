import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseLayout, readLayout, type InputLayout } from '../../src/krm/read';
import { scanLayout } from '../../src/krm/scan';
import { readSource } from '../../src/krm/source';
import { functionConfig, resources } from './arbitraries';
import { isYaml } from './check';
import { mutate, mutation } from './mutate';
import { render, style } from './render';

const RUNS = Number(process.env.HARDENING_RUNS ?? 100);

/**
 * What both readers must agree on: the lines items, config and results start on (a
 * property such as `&a ` before the first key moves the parser's start along the line).
 */
function essentials(text: string, layout: InputLayout) {
  return {
    mode: layout.mode,
    slots: layout.slots.map((slot) => text.lastIndexOf('\n', slot.start - 1) + 1),
    functionConfig: layout.functionConfig?.start,
    results: layout.results?.start,
    listApiVersion: layout.listApiVersion,
  };
}

test('property: on edited inputs that are still YAML, the line scanner finds what the parser finds, or declines', () => {
  fc.assert(
    fc.property(resources, functionConfig, style, fc.array(mutation, { minLength: 1, maxLength: 2 }), (items, config, s, edits) => {
      const text = edits.reduce(mutate, render(items, config, s));
      if (text.trim() === '' || !isYaml(text)) return;
      const source = readSource(text);
      // an anchor or tag opening a document belongs to the item for one reader and precedes it for the other: both keep it
      if (/^[&!]/m.test(source.text)) return;
      // a tab-indented comment or blank line is content to the scanner (the item starts there), not to the parser: both keep it
      if (/^[ \t]*\t[ \t]*(#|$)/m.test(source.text)) return;
      const fast = scanLayout(source.text);
      if (fast === undefined) return; // declining costs time, never items
      let thorough: InputLayout;
      try {
        thorough = parseLayout(source);
      } catch (error) {
        // the version check follows either reader: what the parser refuses, reading refuses
        return assert.throws(() => readLayout(source), undefined, `read what the parser refuses: ${String(error)}\n${source.text}`);
      }
      assert.equal(essentials(source.text, fast), essentials(source.text, thorough), source.text);
    }),
    { numRuns: RUNS, includeErrorInReport: true },
  );
});

test.run();
