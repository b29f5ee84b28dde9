// The LOA content of a seeded case: a template from ./catalog.ts scaled (quantities or values) and priced, with the
// terms of sale, notes and deposit an agency would write. Every variant is checked once, the way the app checks an LOA
// before the agency may approve it (submissionProblems must be empty, lines must parse as the builder's input), and
// priced with the app's pricing engine on each rate era of the seeded years: the notification determination decides the
// congressional-notification track, so only variants whose determination is the same in every era are used (the
// workflow is simulated before the case is placed in time).
import Decimal from "decimal.js";
import type { LoaContent, LoaLine, LoaNote, TermOfSaleShare } from "../../src/domain/loa/content";
import { requiredNoteKeys, submissionProblems } from "../../src/domain/loa/validation";
import type { RateRow } from "../../src/domain/pricing/rates";
import { LoaLineInput } from "../../src/domain/schemas/loa";
import { priceContent } from "../../src/server/loa/loa-store";
import { LOA_TEMPLATES, line, type LoaTemplate } from "./catalog";
import type { Random } from "./random";

export interface NoteTemplate {
  key: string;
  title: string;
  text: string;
}

const MULTIPLIERS = [0.5, 1, 2, 3, 5] as const;
const JITTERS = ["0.92", "1", "1.07"] as const;
export const TERM_VARIANTS = ["CASH", "CASH_WITH_ACCEPTANCE", "FMF_AND_CASH", "FMS_CREDIT"] as const;
export type TermVariant = (typeof TERM_VARIANTS)[number];

export interface LoaVariant {
  template: LoaTemplate;
  templateIndex: number;
  termVariant: TermVariant;
  content: LoaContent;
  /** Per rate era and purchaser group: does the LOA cross a notification threshold, and its total. */
  notificationRequired: { natoPlus: boolean; other: boolean };
  /** Keyed by era index. */
  totals: string[];
}

const cents = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

function scaledLines(template: LoaTemplate, multiplier: number, jitter: string): LoaLine[] {
  return template.lines.map((spec) => {
    const scaled = line(spec);
    if (scaled.value !== null) scaled.value = cents(new Decimal(scaled.value).times(multiplier).times(jitter));
    if (scaled.unitCost !== null) {
      let unitCost = new Decimal(scaled.unitCost).times(jitter);
      const services = scaled.unitOfIssue === "MO" || scaled.unitOfIssue === "HR";
      if (scaled.quantity !== null && !services) {
        // Lots and sets grow in value; counted items grow in number.
        if (scaled.quantity === 1) unitCost = unitCost.times(multiplier);
        else scaled.quantity = Math.max(1, Math.round(scaled.quantity * multiplier));
      }
      scaled.unitCost = cents(unitCost);
    }
    return scaled;
  });
}

function termsFor(variant: TermVariant, total: string): { terms: TermOfSaleShare[]; deposit: string } {
  switch (variant) {
    case "CASH":
      return { terms: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }], deposit: "20" };
    case "CASH_WITH_ACCEPTANCE":
      return { terms: [{ term: "CASH_WITH_ACCEPTANCE", amount: null }], deposit: "100" };
    case "FMS_CREDIT":
      return { terms: [{ term: "FMS_CREDIT", amount: null }], deposit: "25" };
    case "FMF_AND_CASH": {
      // A rounded share of the total under the grant, the balance in cash (like the demo's radios case).
      const fmf = new Decimal(total).times("0.4").dividedBy(1000).floor().times(1000);
      return {
        terms: [
          { term: "FMS_CREDIT_NON_REPAYABLE", amount: cents(fmf) },
          { term: "CASH_PRIOR_TO_DELIVERY", amount: null },
        ],
        deposit: "30",
      };
    }
  }
}

export class LoaCatalog {
  private readonly cache = new Map<string, LoaVariant | null>();
  private readonly noteTitles: Record<string, string>;

  constructor(
    private readonly rates: readonly RateRow[],
    private readonly notes: ReadonlyMap<string, NoteTemplate>,
    /** One representative day per rate era of the seeded years. */
    private readonly eraDays: readonly Date[],
  ) {
    this.noteTitles = Object.fromEntries([...notes.values()].map((n) => [n.key, n.title]));
    // The plain version of every template must be valid: a broken template is a bug here, not a rare case.
    LOA_TEMPLATES.forEach((_t, index) => {
      for (const terms of TERM_VARIANTS) {
        if (!this.variant(index, 1, "1", terms)) throw new Error(`LOA template ${LOA_TEMPLATES[index]!.key} (${terms}) is not valid`);
      }
    });
  }

  /** The era (index into eraDays) a day falls in. */
  eraOf(day: Date): number {
    let era = 0;
    for (let i = 1; i < this.eraDays.length; i++) if (day.getTime() >= this.eraDays[i]!.getTime()) era = i;
    return era;
  }

  /** A variant for this template, drawn from the stream; falls back to the template as written. */
  draw(random: Random, templateIndex: number): LoaVariant {
    const termVariant = random.weighted<TermVariant>([
      ["CASH", 70],
      ["CASH_WITH_ACCEPTANCE", 8],
      ["FMF_AND_CASH", 16],
      ["FMS_CREDIT", 6],
    ]);
    const multiplier = random.pick(MULTIPLIERS);
    const jitter = random.pick(JITTERS);
    return this.variant(templateIndex, multiplier, jitter, termVariant) ?? this.variant(templateIndex, 1, "1", termVariant)!;
  }

  private variant(templateIndex: number, multiplier: number, jitter: string, termVariant: TermVariant): LoaVariant | null {
    const key = `${templateIndex}|${multiplier}|${jitter}|${termVariant}`;
    if (!this.cache.has(key)) this.cache.set(key, this.build(templateIndex, multiplier, jitter, termVariant));
    return this.cache.get(key)!;
  }

  private build(templateIndex: number, multiplier: number, jitter: string, termVariant: TermVariant): LoaVariant | null {
    const template = LOA_TEMPLATES[templateIndex]!;
    const shape = { caseType: template.loaType, clssaPart: null };
    const lines = scaledLines(template, multiplier, jitter);
    for (const l of lines) {
      const { adminRate: _a, rateLockedOn: _r, ...input } = l;
      if (!LoaLineInput.safeParse(input).success) return null;
    }
    const firstDay = this.eraDays[0]!;
    const draft: LoaContent = {
      description: template.description,
      customerReference: "",
      termsOfSale: [{ term: "CASH_PRIOR_TO_DELIVERY", amount: null }],
      initialDepositPercent: "20",
      paymentQuarters: 8,
      lines,
      notes: [],
    };
    const price = (content: LoaContent, day: Date, natoPlus: boolean) =>
      priceContent(content, { rates: this.rates, pricedOn: day, natoPlus, paymentsAfter: day });
    const first = price(draft, firstDay, false);
    const { terms, deposit } = termsFor(termVariant, first.priced.summary.totalEstimatedCost);
    const notes: LoaNote[] = requiredNoteKeys(draft, first.priced, shape).map((noteKey) => {
      const note = this.notes.get(noteKey);
      if (!note) throw new Error(`The LOA note library has no note ${noteKey}`);
      return { key: note.key, title: note.title, text: note.text, internal: false };
    });
    notes.push({
      key: null,
      title: "Pricing basis (internal)",
      text: "Estimates from the latest contract data and two prior buys. Not for release to the purchaser.",
      internal: true,
    });
    const content: LoaContent = { ...draft, termsOfSale: terms, initialDepositPercent: deposit, paymentQuarters: termVariant === "CASH_WITH_ACCEPTANCE" ? 1 : 8, notes };

    const totals: string[] = [];
    const required = { natoPlus: new Set<boolean>(), other: new Set<boolean>() };
    for (const day of this.eraDays) {
      for (const natoPlus of [true, false]) {
        const { priced, quote } = price(content, day, natoPlus);
        if (submissionProblems(content, priced, shape, this.noteTitles).length > 0) return null;
        (natoPlus ? required.natoPlus : required.other).add(quote.notification.required);
        if (!natoPlus) totals.push(priced.summary.totalEstimatedCost);
      }
    }
    // The determination must not depend on when the case is placed in time (see the header).
    if (required.natoPlus.size !== 1 || required.other.size !== 1) return null;
    return {
      template,
      templateIndex,
      termVariant,
      content,
      notificationRequired: { natoPlus: [...required.natoPlus][0]!, other: [...required.other][0]! },
      totals,
    };
  }
}

/** The initial deposit the partner states at acceptance: the LOA's deposit share of its total, to the cent. */
export function depositOf(variant: LoaVariant, era: number): string {
  return cents(new Decimal(variant.totals[era]!).times(variant.content.initialDepositPercent).dividedBy(100));
}
