// Key components rendered in Arabic (issue 16 §6): the words come from the Arabic catalogue, numbers keep Latin digits,
// dates are Arabic with the zone named, and the markup uses only logical (start/end) spacing and alignment, so the page
// mirrors when <html dir="rtl">. Snapshots pin what an Arabic reader gets; a physical left/right class fails outright.
import { createElement, type ComponentType, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { CaseTimeline } from "@/components/case/case-timeline";
import { AgingTag, CaseStatusTag } from "@/components/case/status";
import { agingSentence } from "@/lib/aging-text";
import { WaitingOn } from "@/components/case/waiting-on";
import { ChecklistPanel } from "@/components/lor/checklist-panel";
import { LorStatusTag } from "@/components/lor/status";
import { CHECKLIST_PROBLEMS, evaluateChecklist } from "@/domain/lor/checklist";
import { Pagination } from "@/components/pagination";
import { DisplayPreferencesForm } from "@/app/(app)/profile/display-form";
import { messagesLocaleOf, type Locale } from "@/i18n/config";
import { messagesFor } from "@/i18n/messages";

function render<P extends object>(locale: Locale, component: ComponentType<P>, props: P): string {
  const tree: ReactNode = createElement(
    NextIntlClientProvider,
    { locale: messagesLocaleOf(locale), messages: messagesFor(locale), timeZone: "Asia/Riyadh", now: new Date("2026-12-06T08:00:00Z") } as never,
    createElement(component, props),
  );
  return renderToStaticMarkup(createElement("div", { dir: locale === "ar" ? "rtl" : "ltr" }, tree));
}

const PHYSICAL = /\b(?:ml|mr|pl|pr|left|right|border-l|border-r|rounded-l|rounded-r|text-left|text-right)-|\btext-(?:left|right)\b/;

const samples = {
  "case status": [CaseStatusTag, { status: "OFFERED" }],
  "letter status": [LorStatusTag, { status: "SUBMITTED" }],
  "waiting on": [
    WaitingOn,
    {
      parts: [
        { code: "office-reviews", offices: ["STATE_PM", "DTSA"], text: "State and DTSA reviews", until: null },
        { code: "cn-formal-period", text: "Congress: the formal notification period ends", until: "2027-03-12T00:00:00.000Z" },
      ],
    },
  ],
  "case timeline": [
    CaseTimeline,
    {
      showVisibility: false,
      events: [
        { id: "1", occurredAt: "2026-12-05T14:30:00.000Z", action: "case.transition", label: "LOA offered to the partner", event: "offer", reviewOffice: null, actor: "Navy IPO", note: null, comment: null, commentVisibility: null },
        { id: "2", occurredAt: "2026-12-04T09:05:00.000Z", action: "case.transition", label: "State Department (PM): concurred", event: "concur", reviewOffice: "STATE_PM", actor: "State", note: null, comment: null, commentVisibility: null },
      ],
    },
  ],
  pagination: [Pagination, { page: 2, pageSize: 25, total: 1234, params: { status: "OFFERED" }, basePath: "/cases" }],
  "language and zone form": [
    DisplayPreferencesForm,
    { save: async () => ({ status: "idle" as const }), saved: { locale: "ar", timeZone: null }, languages: [{ code: "ar", name: "العربية" }, { code: "en", name: "English" }], zones: ["Asia/Riyadh", "Europe/Paris"], shownIn: "Asia/Riyadh" },
  ],
} as unknown as Record<string, [ComponentType<object>, object]>;

describe("key components in Arabic", () => {
  it.each(Object.entries(samples))("%s: Arabic words, logical layout, snapshot", (_, [component, props]) => {
    const html = render("ar", component, props);
    expect(html).toMatch(/[\u0600-\u06FF]/);
    const classes = [...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/));
    expect(classes.filter((c) => PHYSICAL.test(c))).toEqual([]);
    expect(html).toMatchSnapshot();
  });

  it("the same components in English say what they always said", () => {
    expect(render("en", CaseStatusTag as ComponentType<object>, { status: "OFFERED" })).toContain("Offered");
    const timeline = render("en", CaseTimeline as ComponentType<object>, samples["case timeline"]![1]);
    expect(timeline).toContain("State Department (PM): concurred");
    const waiting = render("en", WaitingOn as ComponentType<object>, samples["waiting on"]![1]).replace(/<[^>]+>/g, "");
    expect(waiting).toBe("State and DTSA reviews; Congress: the formal notification period ends Mar 12, 2027");
  });

  it("an Arabic timeline words workflow events from its catalogue, with Latin digits and the zone named", () => {
    const html = render("ar", CaseTimeline as ComponentType<object>, samples["case timeline"]![1]);
    expect(html).not.toContain("LOA offered to the partner");
    expect(html).toContain("2026");
    expect(html).not.toMatch(/[\u0660-\u0669]/); // no Arabic-Indic digits
    expect(html).toContain("17:30"); // 14:30 UTC in Riyadh
  });

  it("an event's facts are worded in the reader's language, amounts and days in their notation", () => {
    const accepted = {
      showVisibility: false,
      events: [
        {
          id: "3",
          occurredAt: "2026-12-05T14:30:00.000Z",
          action: "case.transition",
          label: "Partner accepted the offer",
          event: "accept",
          reviewOffice: null,
          actor: "Bandaria",
          note: "Signed by Mira Castellan, Director, on Dec 5, 2026. Initial deposit $250,000.00",
          facts: [
            { fact: "signedBy", name: "Mira Castellan", title: "Director", day: "2026-12-05" },
            { fact: "initialDeposit", amount: "250000.00" },
          ],
          comment: null,
          commentVisibility: null,
        },
      ],
    };
    const french = render("fr", CaseTimeline as ComponentType<object>, accepted).replace(/<[^>]+>/g, " ");
    expect(french).toContain("Signé par Mira Castellan, Director, le 5 déc. 2026. Dépôt initial : 250\u202f000,00\u00a0$US");
    const english = render("en", CaseTimeline as ComponentType<object>, accepted);
    expect(english).toContain("Signed by Mira Castellan, Director, on Dec 5, 2026. Initial deposit $250,000.00");
  });

  it("a letter's checklist says what is missing in the reader's language, item numbers and all", () => {
    const checklist = evaluateChecklist({ items: [{ nomenclature: "Radar", quantity: null, unitOfIssue: null, description: "short" }] } as never, "2026-12-06");
    const english = Object.values(CHECKLIST_PROBLEMS).map((word) => word({ code: "subject", item: 1, gaps: ["quantity"], reasons: "" }).slice(0, 25));
    for (const locale of ["ar", "fr"] as const) {
      const html = render(locale, ChecklistPanel as ComponentType<object>, { score: checklist.score, criteria: checklist.criteria });
      for (const words of english) expect(html, locale).not.toContain(words);
    }
    const arabic = render("ar", ChecklistPanel as ComponentType<object>, { score: checklist.score, criteria: checklist.criteria });
    expect(arabic).toContain("المادة 1 ينقصها: الكمية، وحدة الصرف");
  });

  it("an execution step's note is worded in the reader's language, its day, amount and mode in their notation", async () => {
    const { caseEventView } = await import("@/domain/cases/case-event-view");
    const shipped = caseEventView(
      {
        id: 7n,
        occurredAt: new Date("2026-11-03T15:00:00Z"),
        action: "shipment.record",
        actorUserId: null,
        actorEmail: null,
        details: { lineNumber: "001", quantity: 4, shippedOn: "2026-11-03", mode: "AIR", documentNumber: "BNP0001", trackingReference: "TRK-42" },
      },
      { partner: true },
      () => ({ who: "Navy IPO", office: "Navy IPO" }),
    )!;
    expect(shipped.note).toBe("Line 001: 4 shipped on Nov 3, 2026 by air, document BNP0001, tracking TRK-42");
    const french = render("fr", CaseTimeline as ComponentType<object>, { showVisibility: false, events: [shipped] }).replace(/<[^>]+>/g, " ");
    expect(french).toContain("Expédition envoyée");
    expect(french).toContain("Ligne 001 : 4 expédié(s) le 3 nov. 2026 par ");
    expect(french).not.toContain("shipped on");
  });

  it("an aging sentence in English is the domain's own; in French the same facts in French", () => {
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000 - 3_600_000).toISOString();
    const agings = [
      { state: "DUE_SOON", dueAt: inDays(3), percentElapsed: 75, targetDays: 10, dayKind: "CALENDAR" },
      { state: "OVERDUE", dueAt: inDays(-32), percentElapsed: 420, targetDays: 7, dayKind: "BUSINESS" },
      { state: "MET", dueAt: inDays(-2), percentElapsed: 50 },
    ] as const;
    for (const aging of agings) {
      const english = render("en", AgingTag as ComponentType<object>, { aging }).replace(/<[^>]+>/g, " ");
      expect(english).toContain(agingSentence(aging));
      const french = render("fr", AgingTag as ComponentType<object>, { aging }).replace(/<[^>]+>/g, " ");
      expect(french).not.toContain(agingSentence(aging));
    }
  });
});
