/**
 * Issue 3's proof with the real tool: seed 004 rendered by `kubectl kustomize`. With the
 * function in the base (or a Component) no overlay label reaches a NetworkPolicy
 * selector; the same overlays without it reproduce the pitfall.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../helpers';
import { e2e, kubectlBuilds, kustomize } from './harness';

const EXAMPLE = join(ROOT, 'examples', '004-zero-trust');
const LABEL = 'owner';
const test = suite('selector hardening under kubectl kustomize (seed 004)');

type Doc = { kind?: string; metadata?: { name?: string; namespace?: string; labels?: Record<string, string> }; spec?: any };

function render(overlay: string, kubectl?: string): Doc[] {
  const dir = join(EXAMPLE, 'overlays', overlay);
  const result = kustomize(dir, kubectl);
  assert.is(result.status, 0, result.stderr);
  assert.fixture(result.stdout, readFileSync(join(dir, 'expected.yaml'), 'utf8'), `${overlay}/expected.yaml`);
  return parseAllDocuments(result.stdout).map((doc) => doc.toJS() as Doc);
}

/** Every pod selector kustomize's label fieldspecs name, with where it is. */
function podSelectors(policy: Doc): { where: string; selector: any }[] {
  const out = [{ where: 'spec.podSelector', selector: policy.spec?.podSelector }];
  for (const [direction, peers] of [['ingress', 'from'], ['egress', 'to']] as const)
    (policy.spec?.[direction] ?? []).forEach((rule: any, i: number) =>
      (rule?.[peers] ?? []).forEach((peer: any, j: number) => {
        if (peer?.podSelector !== undefined) out.push({ where: `spec.${direction}[${i}].${peers}[${j}].podSelector`, selector: peer.podSelector });
      }),
    );
  return out;
}

function selectorKeys(selector: any): string[] {
  return [...Object.keys(selector?.matchLabels ?? {}), ...(selector?.matchExpressions ?? []).map((e: any) => e.key)];
}

function policies(docs: Doc[]): Doc[] {
  return docs.filter((doc) => doc.kind === 'NetworkPolicy');
}

for (const overlay of ['common-labels', 'labels-include-selectors', 'component']) {
  e2e(test, `${overlay}: the overlay label is on the resources but in no policy selector`, ['kubectl'], () => {
    const docs = render(overlay);
    assert.is(policies(docs).length, 5);
    assert.ok(docs.every((doc) => doc.metadata?.labels?.[LABEL] === 'payments'), 'the overlay applied its label');
    for (const policy of policies(docs))
      for (const { where, selector } of podSelectors(policy))
        assert.not.ok(selectorKeys(selector).includes(LABEL), `${policy.metadata?.name} ${where} carries ${LABEL}`);
    const dnsPeer = policies(docs).find((p) => p.metadata?.name === 'namespace-default')?.spec.egress[0].to[1].podSelector;
    assert.equal(dnsPeer, { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] });
  });
}

for (const overlay of ['common-labels-unguarded', 'labels-include-selectors-unguarded']) {
  e2e(test, `${overlay}: without the function the pitfall is reproduced`, ['kubectl'], () => {
    const filled = policies(render(overlay)).flatMap((policy) =>
      podSelectors(policy)
        .filter(({ selector }) => selector?.matchLabels !== undefined)
        .map(({ selector }) => selector.matchLabels[LABEL]),
    );
    assert.is(filled.length, 11); // every matchLabels of the five policies
    assert.ok(filled.every((value) => value === 'payments'));
    const dnsPeer = policies(render(overlay)).find((p) => p.metadata?.name === 'namespace-default')?.spec.egress[0].to[1].podSelector;
    assert.equal(dnsPeer, { matchLabels: { 'k8s-app': 'kube-dns', [LABEL]: 'payments' } });
  });
}

e2e(test, 'same-kustomization: the label transformer runs before transformers, so the pollution is frozen', ['kubectl'], () => {
  for (const policy of policies(render('same-kustomization')))
    for (const { selector } of podSelectors(policy)) {
      if (Object.keys(selector ?? {}).length === 0) continue; // podSelector: {} stays unfilled
      assert.ok(selectorKeys(selector).includes(LABEL));
      assert.is(selector.matchLabels, undefined);
    }
});

e2e(test, 'the guarded base renders as checked in', ['kubectl'], () => {
  const result = kustomize(join(EXAMPLE, 'base'));
  assert.is(result.status, 0, result.stderr);
  assert.fixture(result.stdout, readFileSync(join(EXAMPLE, 'base', 'expected.yaml'), 'utf8'));
});

// Every kubectl build beside the real one embeds its own kustomize: each must agree.
for (const build of kubectlBuilds().slice(1)) {
  e2e(test, `${build.name}: the guarded and the unguarded commonLabels overlays render as checked in`, ['kubectl'], () => {
    render('common-labels', build.path);
    render('common-labels-unguarded', build.path);
  });
}

test.run();
