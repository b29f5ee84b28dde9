import AxeBuilder from "@axe-core/playwright";
import type { Result } from "axe-core";
import { expect, type Page } from "@playwright/test";

/** WCAG 2.0–2.2 A and AA rules. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Parts of a page axe must not judge, each with the reason. Keep this list empty unless a violation sits in code we
 * cannot change (a third-party widget's own markup).
 */
export function axeExclusions(builder: AxeBuilder): AxeBuilder {
  return builder;
}

/**
 * axe refuses a second run on a page while one is going ("Axe is already running"): the fixture's background checks
 * and a spec's explicit check take turns through this queue (one worker process, so one queue).
 */
let turn: Promise<unknown> = Promise.resolve();
export function oneAxeAtATime<T>(run: () => Promise<T>): Promise<T> {
  const next = turn.then(run, run);
  turn = next.catch(() => undefined);
  return next;
}

/** Serious and critical violations, one line each: the rule and the first offending elements. */
export function seriousViolations(violations: Result[]): string[] {
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

/**
 * axe-core on the page as it stands (WCAG 2.0–2.2 A and AA rules): fails on any serious or critical violation, naming
 * the rule and the first offending elements so the report says what to fix. Every page a journey loads is already
 * checked by the fixture (tests/e2e/fixtures.ts); call this for states a page reaches without a navigation (an open
 * dialog, a form showing its errors).
 */
export async function expectNoSeriousAxeViolations(page: Page, where = page.url()) {
  const results = await oneAxeAtATime(() => axeExclusions(new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode()).analyze());
  expect(seriousViolations(results.violations), `axe violations on ${where}`).toEqual([]);
}
