import AxeBuilder from "@axe-core/playwright";
import { test as base, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { AXE_TAGS, axeExclusions, oneAxeAtATime, seriousViolations } from "./axe";

// Everything else a spec imported from "@playwright/test" (expect, types) comes through unchanged; `test` below wins.
export * from "@playwright/test";

/**
 * Axe on every page of every journey (issue 16). Every spec imports `test` and `expect` from here instead of
 * "@playwright/test"; nothing else changes in a spec.
 *
 * How it reaches every page: a worker fixture wraps `browser.newContext` (which `browser.newPage`, the built-in
 * `context`/`page` fixtures and helpers.ts's `signedInContext` all go through, in tests and in beforeAll hooks alike)
 * and watches each context's pages. When a page's main frame navigates — a document load or a client-side (App
 * Router) navigation — and the page has reached `load`, axe-core runs on it once per URL per test: serious and critical
 * violations only (the same rules and tags as `expectNoSeriousAxeViolations`). The test fails at its end listing each
 * violation with the URL it was found on.
 *
 * Cost control: a URL already checked in the current test is skipped; checks run one at a time (two cores; and axe refuses two runs at once on a page), taking turns with a spec's explicit
 * `expectNoSeriousAxeViolations`; axe runs
 * in "legacy" mode, in the page itself, so it never opens the extra blank page the default mode uses (which a test
 * waiting for a popup would see). A check cut short because the test moved on (navigation, closed page) is simply
 * retried the next time that URL is shown; closing a context first lets the running check finish.
 *
 * A page loaded in a beforeAll hook (usually sign-in and home) is reported with the first test that follows.
 */

type Finding = { url: string; lines: string[] };

class AxeCollector {
  /** URLs (without #fragment) checked, or being checked, in the current test. */
  readonly seen = new Set<string>();
  readonly findings: Finding[] = [];
  checked = 0;
  interrupted = 0;
  millis = 0;
}

class AxeWatcher {
  private collector = new AxeCollector();
  private readonly watchedContexts = new WeakSet<BrowserContext>();
  private readonly watchedPages = new WeakSet<Page>();
  private readonly pending = new Set<Promise<void>>();

  /** Starts a fresh collector for a test, carrying over what a beforeAll hook found since the last test. */
  begin(): void {
    const carried = this.collector;
    this.collector = new AxeCollector();
    this.collector.findings.push(...carried.findings.map((f) => ({ ...f, url: `${f.url} (loaded in a beforeAll hook)` })));
  }

  /** Ends a test's collection: what loads from now until the next test (hooks) is collected apart. */
  end(): AxeCollector {
    const done = this.collector;
    this.collector = new AxeCollector();
    return done;
  }

  watchContext(context: BrowserContext): void {
    if (this.watchedContexts.has(context)) return;
    this.watchedContexts.add(context);
    for (const page of context.pages()) this.watchPage(page);
    context.on("page", (page) => this.watchPage(page));
    // Let a running check finish before the context goes away (tests close their contexts themselves).
    const close = context.close.bind(context);
    context.close = async (options?: { reason?: string }) => {
      await this.settle();
      return close(options);
    };
  }

  private watchPage(page: Page): void {
    if (this.watchedPages.has(page)) return;
    this.watchedPages.add(page);
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) this.schedule(page);
    });
  }

  private schedule(page: Page): void {
    const url = withoutFragment(page.url());
    if (!/^https?:/.test(url)) return;
    const collector = this.collector;
    if (collector.seen.has(url)) return;
    collector.seen.add(url);
    const run = oneAxeAtATime(() => this.check(page, url, collector));
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  private async check(page: Page, url: string, collector: AxeCollector): Promise<void> {
    const started = Date.now();
    try {
      if (page.isClosed()) throw new Error("closed");
      await page.waitForLoadState("load", { timeout: 15_000 });
      if (withoutFragment(page.url()) !== url) throw new Error("moved on");
      // JSON answers and file downloads shown as documents are not pages a person reads.
      const contentType = await page.evaluate(() => document.contentType);
      if (contentType !== "text/html") return;
      // After an in-app navigation (a form's redirect) Next.js sets the new page's <title> a moment after the URL
      // changes: give it that moment, so axe reads the settled page. A page that never gets a title is still reported.
      await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 3_000 }).catch(() => {});
      const analyze = () => axeExclusions(new AxeBuilder({ page }).withTags(AXE_TAGS).options({ resultTypes: ["violations"] }).setLegacyMode()).analyze();
      let results = await analyze();
      // A live page re-renders when its record changes (router.refresh), and React swaps the <title> as it does: axe
      // can land in that instant. A title that is back once the refresh settles was never missing for a reader; one
      // that stays missing is still reported.
      if (results.violations.some((v) => v.id === "document-title")) {
        const settled = await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 3_000 }).then(() => true, () => false);
        if (settled) results = await analyze();
      }
      if (withoutFragment(page.url()) !== url) throw new Error("moved on");
      collector.checked += 1;
      const lines = seriousViolations(results.violations);
      if (lines.length) collector.findings.push({ url, lines });
    } catch {
      // The test navigated or closed the page while axe was busy: try again the next time this URL is shown.
      collector.interrupted += 1;
      collector.seen.delete(url);
    } finally {
      collector.millis += Date.now() - started;
    }
  }

  /** Waits for every queued check. */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.allSettled([...this.pending]);
  }
}

function withoutFragment(url: string): string {
  const hash = url.indexOf("#");
  return hash === -1 ? url : url.slice(0, hash);
}

function report(collector: AxeCollector, testInfo: TestInfo): void {
  testInfo.annotations.push({
    type: "axe",
    description: `${collector.checked} page(s) checked in ${collector.millis} ms, ${collector.interrupted} check(s) cut short by navigation`,
  });
  if (process.env.AXE_STATS) {
    console.log(`[axe] ${testInfo.title}: ${collector.checked} checked, ${collector.millis} ms, ${collector.interrupted} interrupted`);
  }
}

export const test = base.extend<{ _axeEveryPage: void }, { _axeWatcher: AxeWatcher }>({
  _axeWatcher: [
    async ({ browser }: { browser: Browser }, provide) => {
      const watcher = new AxeWatcher();
      if (process.env.AXE_EVERY_PAGE === "off") return provide(watcher);
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const context = await newContext(options);
        watcher.watchContext(context);
        return context;
      };
      await provide(watcher);
      browser.newContext = newContext;
    },
    { scope: "worker", auto: true },
  ],
  _axeEveryPage: [
    async ({ _axeWatcher }, provide, testInfo) => {
      // AXE_EVERY_PAGE=off exists only to measure what the checks cost (a baseline run); never set it in CI.
      if (process.env.AXE_EVERY_PAGE === "off") return provide();
      _axeWatcher.begin();
      await provide();
      await _axeWatcher.settle();
      const collector = _axeWatcher.end();
      report(collector, testInfo);
      if (collector.findings.length) {
        const text = collector.findings.map((f) => `${f.url}\n  ${f.lines.join("\n  ")}`).join("\n");
        throw new Error(`Serious or critical accessibility violations (axe):\n${text}`);
      }
    },
    { auto: true },
  ],
  // The built-in context is made through browser.newContext too; watching it here as well costs nothing.
  context: async ({ context, _axeWatcher }, provide) => {
    if (process.env.AXE_EVERY_PAGE === "off") return provide(context);
    _axeWatcher.watchContext(context);
    await provide(context);
    await _axeWatcher.settle();
  },
});
