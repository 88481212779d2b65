import fc from 'fast-check';
import { CORE_SCHEMA, dump, load } from 'js-yaml';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { stringify } from 'yaml';
import { readBlockValue, type Wanted } from '../../src/krm/block-value';
import { isMapping, setOwn } from '../../src/krm/path';
import { shifted } from '../helpers';

// The law: whenever the line reader answers, js-yaml reads the same text to the same value.
function agreesWithJsYaml(text: string): boolean {
  const read = readBlockValue(text, 64);
  if (read === undefined) return true;
  let expected: unknown;
  try {
    expected = load(text, { schema: CORE_SCHEMA });
  } catch (error) {
    assert.unreachable(`js-yaml rejects a text the line reader read (${String(error)}):\n${text}`);
  }
  if (!isDeepStrictEqual(read, expected)) assert.equal(read, expected, `the line reader reads another value from:\n${text}`);
  return true;
}

// keys and strings chosen to land on every rule: plain words, words YAML resolves to
// other types, indicators, quotes, comments, line breaks
const PLAIN_KEYS = ['a', 'b', 'name', 'ports', 'app.kubernetes.io/name', 'k8s-app', '_a', 'Yes', 'on', '__proto__', 'constructor'];
// keys a writer quotes or YAML resolves to other types: each makes the reader decline
const ODD_KEYS = ['null', 'true', '12', '0x1F', '1e3', 'a b', 'a:b', '-a', '.a', "it's", '#a'];
const KEYS = [...PLAIN_KEYS, ...ODD_KEYS];
const key = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...PLAIN_KEYS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_KEYS) });
const COMMON_WORDS = ['web', 'TCP', '53', 'kube-dns', 'a b', 'http://x:80/y', '10.0.0.0/8', 'app.kubernetes.io/name', '1.2.3', 'end\n', 'two\nlines', ''];
const ODD_WORDS = ['-1', '+1', '0o17', '012', '0x1F', '1_000', '1e3', '.5', '.inf', '.NaN', 'null', 'Null', '~', 'true', 'False', 'yes', 'a  b', 'a:b', 'a: b', 'a #b', 'a#b', "it's", 'say "hi"', 'back\\slash', ' lead', 'trail ', 'para\n\nnext', 'tail\n\n', '  indented\nfirst', '#x', '[a]', '{a}', '*a', '&a', '!t', '|', '>', '- a', '? q', '%x', '@x', '`x', ',', 'a,b', '=', '2024-01-01'];
const word = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...COMMON_WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_WORDS) });

const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('scalar'), tie('list'), tie('map')),
  scalar: fc.oneof({ weight: 4, arbitrary: word }, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(key, tie('node'), { maxKeys: 5 }),
})).node;
const document = fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 });

/** The ways tools write YAML: kustomize and kpt (`yaml`), js-yaml's dumper, flow levels, indents. */
const writer = fc.constantFrom<(data: unknown) => string>(
  (data) => stringify(data),
  (data) => stringify(data, { indentSeq: false }),
  (data) => stringify(data, { indent: 4 }),
  (data) => stringify(data, { defaultStringType: 'QUOTE_SINGLE' }),
  (data) => stringify(data, { defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }),
  (data) => stringify(data, { collectionStyle: 'flow' }),
  (data) => dump(data),
  (data) => dump(data, { flowLevel: 2 }),
  (data) => dump(data, { indent: 3, noArrayIndent: true }),
  (data) => dump(data, { quotingType: '"', forceQuotes: true }),
);

test('property: what the line reader reads from written YAML, js-yaml reads the same', () => {
  let answered = 0;
  fc.assert(
    fc.property(document, writer, fc.nat(4), (data, write, by) => {
      const text = shifted(write(data), by);
      if (readBlockValue(text, 64) !== undefined) answered++;
      return agreesWithJsYaml(text);
    }),
    { numRuns: 2000 },
  );
  // the law holds trivially for a reader that declines everything: it must answer often
  assert.ok(answered > 400, `the line reader answered only ${answered} of 2000 texts`);
});

/** The wanted parts of a value, as the line reader reads them. */
function project(value: unknown, wanted: Wanted): unknown {
  if (wanted === true) return value;
  if ('each' in wanted) return Array.isArray(value) ? value.map((item) => project(item, wanted.each)) : value;
  if (!isMapping(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, part] of Object.entries(wanted.keys)) if (Object.hasOwn(value, key)) setOwn(out, key, project(value[key], part));
  return out;
}

const wanted: fc.Arbitrary<Wanted> = fc.letrec<{ wanted: Wanted }>((tie) => ({
  wanted: fc.oneof(
    { depthSize: 'small' },
    fc.constant(true as const),
    fc.dictionary(fc.constantFrom(...KEYS), tie('wanted'), { maxKeys: 3 }).map((keys) => ({ keys })),
    tie('wanted').map((each) => ({ each })),
  ),
})).wanted;

test('property: reading only wanted parts gives those parts as js-yaml reads them', () => {
  let answered = 0;
  fc.assert(
    fc.property(document, writer, wanted, (data, write, parts) => {
      const text = write(data);
      const read = readBlockValue(text, 64, parts);
      if (read === undefined) return;
      answered++;
      const [got, expected] = [project(read, parts), project(load(text, { schema: CORE_SCHEMA }), parts)];
      if (!isDeepStrictEqual(got, expected)) assert.equal(got, expected, text);
    }),
    { numRuns: 2000 },
  );
  assert.ok(answered > 300, `the line reader answered only ${answered} of 2000 part reads`);
});

// edits that break indentation, quotes, flow collections, comments and block scalars
const EDIT_CHARS = [' ', '  ', '-', '- ', ':', ': ', '#', ' #', "'", '"', '[', ']', '{', '}', ',', '|', '|-', '|+', '>', '&a ', '*a', '!', '?', '\n', '\n  ', '\n#', '\t', '\r', 'x', '0'];

test('property: the same holds after random edits, so a text js-yaml rejects or reads otherwise is declined', () => {
  const edited = fc.tuple(document, writer, fc.nat(4), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom(...EDIT_CHARS)), { minLength: 1, maxLength: 3 })).map(([data, write, by, edits]) => {
    let text = shifted(write(data), by);
    for (const [at, remove, insert] of edits) {
      const position = text.length === 0 ? 0 : at % text.length;
      text = text.slice(0, position) + insert + text.slice(position + remove);
    }
    return text;
  });
  let answered = 0;
  fc.assert(
    fc.property(edited, (text) => {
      if (readBlockValue(text, 64) !== undefined) answered++;
      return agreesWithJsYaml(text);
    }),
    { numRuns: 3000 },
  );
  // edits that leave the text readable are the ones that test the reader's judgement
  assert.ok(answered > 100, `the line reader answered only ${answered} of 3000 edited texts`);
});

const LINES = ['a: 1', 'b:', '  c: x', '  - d', '- e', '  -', '    f: |', '      text', '      # in text', '  # note', '#', '', '   ', 'g: [h, i]', 'j: {k: l}', "m: 'n'", 'o: "p"', '  q: r', '    s', 'm: dup', '- -', '  -', '-', "m: 'it''s'", "n: 'a' # 'b'", 'p: "a" # "b"', '      ', '        more', '    t: |-', '    u: |2', '      # c'];

test('property: texts pieced together line by line, with comments and blank lines anywhere', () => {
  let answered = 0;
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 12 }), (lines) => {
      if (readBlockValue(lines.join('\n'), 64) !== undefined) answered++;
      return agreesWithJsYaml(lines.join('\n'));
    }),
    { numRuns: 3000 },
  );
  assert.ok(answered > 150, `the line reader answered only ${answered} of 3000 pieced texts`);
});

test('kustomize-style policies are read from their lines, with block scalars, flow collections and quotes', () => {
  const text = [
    '  apiVersion: networking.k8s.io/v1',
    '  kind: NetworkPolicy',
    '  metadata:',
    '    name: api # the API tier',
    '    annotations:',
    "      config.kubernetes.io/index: '0'",
    '      note: |',
    '        first line',
    '        # kept: a comment-like line is text here',
    '  spec:',
    '    podSelector: {}',
    '    policyTypes: [Ingress, Egress]',
    '    ingress:',
    '    - from:',
    '      - podSelector:',
    '          matchLabels:',
    '            app.kubernetes.io/name: web',
    '      ports:',
    '      - {port: 8080, protocol: TCP}',
    '      - port: "http"',
    '    egress: []',
    '',
  ].join('\n');
  const read = readBlockValue(text, 64);
  assert.ok(read !== undefined, 'declined a plain kustomize-style policy');
  assert.equal(read, load(text, { schema: CORE_SCHEMA }));
});

test('a value the line rules do not cover is read by js-yaml from its own lines', () => {
  const text = 'a:\n  b: >\n    folded\n    text\n  c: "tab\\there"\n  d: {e: [1, 2]}\nf: 1\n';
  assert.equal(readBlockValue(text, 64), load(text, { schema: CORE_SCHEMA }));
});

test('declines what js-yaml must read or report: duplicates, odd indentation, aliases, tabs, depth', () => {
  for (const text of ['a: 1\na: 2\n', 'a:\n    b: 1\n  c: 2\n', 'a: &x 1\nb: *x\n', 'a:\tb\n', '"a": 1\n', 'a: 1\r\nb: 2\r\n', 'a: b\n  c\n', '- a\n', '', '# only a comment\n']) {
    assert.is(readBlockValue(text, 64), undefined, JSON.stringify(text));
  }
  assert.is(readBlockValue('a:\n  b:\n    c: 1\n', 2), undefined);
  assert.equal(readBlockValue('a:\n  b:\n    c: 1\n', 3), { a: { b: { c: 1 } } });
});

test('keys that js-yaml turns into other strings or that name the prototype', () => {
  assert.is(readBlockValue('12: a\n', 64), undefined);
  const read = readBlockValue('__proto__: {}\nconstructor: x\n', 64);
  assert.ok(read !== undefined && Object.getPrototypeOf(read) === Object.prototype);
  assert.equal(Object.keys(read!), ['__proto__', 'constructor']);
});

test('the bundled examples\' rendered output reads from its lines as js-yaml reads it', () => {
  const root = new URL('../../examples/', import.meta.url);
  let read = 0;
  for (const example of readdirSync(root)) {
    const file = new URL(`${example}/expected/kustomize.yaml`, root);
    if (!existsSync(file)) continue;
    for (const item of readFileSync(file, 'utf8').split(/^---\n/m)) {
      agreesWithJsYaml(item);
      if (readBlockValue(item, 64) !== undefined) read++;
    }
  }
  assert.ok(read >= 20, `only ${read} rendered items were read from their lines`);
});

test.run();
