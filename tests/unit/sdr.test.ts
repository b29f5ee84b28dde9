import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  acceptDecisionStep,
  checkFiling,
  decideStep,
  decisionDue,
  filingDeadline,
  isSdrOpen,
  rateRowOn,
  reconsiderationDeadline,
  reconsiderStep,
  SDR_DECISIONS,
  SDR_RULE_KEYS,
  SDR_STATUSES,
  SDR_TYPES,
  sdrReference,
  sdrRulesInWords,
  sdrWaitingOn,
  type FilingInput,
  type FilingShipment,
  type SdrPolicy,
  type SdrSnapshot,
  type SdrStatus,
} from "@/domain/execution/sdr";
import { SDR_EVENTS } from "@/domain/execution/sdr-events";
import { executionEventOf } from "@/domain/execution/timeline";
import { DecideSdrInput, FileSdrInput, ReconsiderSdrInput, SdrCommentInput } from "@/domain/schemas/sdr";
import { partnerViewOf } from "@/domain/workflow/case-workflow";
import { SDR_PRICING_RATES, SDR_SLA_RULES } from "../../prisma/reference/sdr-policy";

// The rules of Supply Discrepancy Reports, on the policy rows the seed loads (prisma/reference/sdr-policy.ts): each
// limit at its edge and one day or one cent either side.

const at = (iso: string) => new Date(iso);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** The seeded rows, with ids as the database gives them. */
const POLICY: SdrPolicy = {
  rules: SDR_SLA_RULES.map((r, i) => ({ ...r, id: `rule-${i}` })),
  rates: SDR_PRICING_RATES,
};

const received = (receivedOn: string, overrides: Partial<FilingShipment> = {}): FilingShipment => ({
  status: "RECEIVED",
  receivedOn: day(receivedOn),
  quantity: 200,
  value: "300000.00",
  ...overrides,
});

const damage = (overrides: Partial<FilingInput> = {}): FilingInput => ({
  type: "DAMAGE",
  quantityAffected: 3,
  valueAffected: "4500.00",
  informationOnly: false,
  ...overrides,
});

const refusalsOf = (outcome: ReturnType<typeof checkFiling>) => (outcome.ok ? [] : outcome.refusals);
const rulesOf = (outcome: ReturnType<typeof checkFiling>) => refusalsOf(outcome).map((r) => r.rule);

describe("the seeded policy rows", () => {
  it("hold the filing window, decision target, reconsideration window and minimum value, each with a source", () => {
    const keys = new Set(SDR_SLA_RULES.map((r) => r.key));
    expect([...keys].sort()).toEqual([SDR_RULE_KEYS.decision, SDR_RULE_KEYS.filingWindow, SDR_RULE_KEYS.reconsideration].sort());
    expect(SDR_PRICING_RATES.map((r) => [r.key, r.value])).toEqual([[SDR_RULE_KEYS.minimumValue, "200"]]);
    for (const row of [...SDR_SLA_RULES, ...SDR_PRICING_RATES]) expect(row.source).toMatch(/\[(F|F\?|A)\]/);
    expect(SDR_SLA_RULES.find((r) => r.key === SDR_RULE_KEYS.filingWindow)).toMatchObject({ days: 365, dayKind: "CALENDAR" });
    expect(SDR_SLA_RULES.find((r) => r.key === SDR_RULE_KEYS.decision)).toMatchObject({ days: 60, dayKind: "CALENDAR" });
  });

  it("pick the row in force on the day asked: 90 reconsideration days before 19 May 2009, 45 from it", () => {
    expect(reconsiderationDeadline({ decidedAt: at("2009-05-18T12:00:00Z") }, POLICY)?.rule.days).toBe(90);
    expect(reconsiderationDeadline({ decidedAt: at("2009-05-19T00:00:00Z") }, POLICY)?.rule.days).toBe(45);
  });
});

describe("checkFiling: the filing window from the receipt date", () => {
  // 2026 is not a leap year: 365 days after 10 Jan 2026 is 10 Jan 2027.
  it.each([
    ["the day of receipt", "2026-01-10T08:00:00Z", true],
    ["one day before the last day", "2027-01-09T12:00:00Z", true],
    ["the last day, first instant", "2027-01-10T00:00:00Z", true],
    ["the last day, last instant", "2027-01-10T23:59:59.999Z", true],
    ["one day after the last day", "2027-01-11T00:00:00Z", false],
    ["two years on", "2028-01-10T12:00:00Z", false],
  ])("received 2026-01-10, filed %s → %s", (_name, now, ok) => {
    const outcome = checkFiling(received("2026-01-10"), damage(), POLICY, at(now));
    expect(outcome.ok).toBe(ok);
    if (!ok) expect(rulesOf(outcome)).toEqual([SDR_RULE_KEYS.filingWindow]);
  });

  it("counts a leap day as a day: received 1 Mar 2027, the last day is 29 Feb 2028", () => {
    expect(filingDeadline(day("2027-03-01"), POLICY)?.lastDay).toBe("2028-02-29");
    expect(checkFiling(received("2027-03-01"), damage(), POLICY, at("2028-02-29T18:00:00Z")).ok).toBe(true);
    expect(checkFiling(received("2027-03-01"), damage(), POLICY, at("2028-03-01T00:00:00Z")).ok).toBe(false);
  });

  it("a late report is refused on the shipment, naming the rule, its source and the dates", () => {
    const [refusal] = refusalsOf(checkFiling(received("2026-01-10"), damage(), POLICY, at("2027-01-11T09:00:00Z")));
    expect(refusal).toMatchObject({ rule: "SDR_FILING_WINDOW", field: "shipmentId" });
    expect(refusal!.source).toMatch(/one year of delivery/);
    expect(refusal!.message).toContain("365 calendar days");
    expect(refusal!.message).toContain("2026-01-10");
    expect(refusal!.message).toContain("2027-01-10");
    expect(refusal!.message).toContain("Rule SDR_FILING_WINDOW:");
    expect(refusal!.message).toContain(refusal!.source!);
  });

  it("uses the window in force on the day of delivery, not on the day of filing", () => {
    const shorter: SdrPolicy = {
      ...POLICY,
      rules: [
        ...POLICY.rules.map((r) => (r.key === SDR_RULE_KEYS.filingWindow ? { ...r, effectiveTo: day("2030-01-01") } : r)),
        { id: "short", key: SDR_RULE_KEYS.filingWindow, days: 180, dayKind: "CALENDAR", amberPercent: 75, effectiveFrom: day("2030-01-01"), effectiveTo: null, source: "[A] shorter window" },
      ],
    };
    expect(filingDeadline(day("2029-12-31"), shorter)).toMatchObject({ lastDay: "2030-12-31", rule: { days: 365 } });
    expect(filingDeadline(day("2030-01-01"), shorter)).toMatchObject({ lastDay: "2030-06-30", rule: { days: 180 } });
    expect(checkFiling(received("2030-01-01"), damage(), shorter, at("2030-06-30T12:00:00Z")).ok).toBe(true);
    expect(rulesOf(checkFiling(received("2030-01-01"), damage(), shorter, at("2030-07-01T00:00:00Z")))).toEqual(["SDR_FILING_WINDOW"]);
  });

  it.each([
    ["SHIPPED", /not yet received/],
    ["IN_TRANSIT", /in transit/],
  ] as const)("a %s shipment cannot be reported", (status, message) => {
    const [refusal] = refusalsOf(checkFiling(received("2026-01-10", { status, receivedOn: null }), damage(), POLICY, at("2026-01-11T00:00:00Z")));
    expect(refusal).toMatchObject({ rule: "SHIPMENT_RECEIVED", field: "shipmentId" });
    expect(refusal!.message).toMatch(message);
  });

  it("without a window row in force, says an administrator must add one", () => {
    const none: SdrPolicy = { ...POLICY, rules: POLICY.rules.filter((r) => r.key !== SDR_RULE_KEYS.filingWindow) };
    const [refusal] = refusalsOf(checkFiling(received("2026-01-10"), damage(), none, at("2026-01-11T00:00:00Z")));
    expect(refusal).toMatchObject({ rule: "SDR_FILING_WINDOW", field: "shipmentId" });
    expect(refusal!.message).toMatch(/administrator must add one/);
  });

  it("property: filed d days after receipt is accepted exactly when d ≤ 365", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 900 }), fc.integer({ min: 0, max: 86_399_999 }), (days, ms) => {
        const now = new Date(day("2026-01-10").getTime() + days * 86_400_000 + ms);
        expect(checkFiling(received("2026-01-10"), damage(), POLICY, now).ok).toBe(days <= 365);
      }),
    );
  });
});

describe("checkFiling: the minimum value unless information only", () => {
  const now = at("2026-02-01T10:00:00Z");
  it.each([
    ["199.99", false, false],
    ["200.00", false, true],
    ["200.01", false, true],
    ["199.99", true, true],
    ["0.00", true, true],
    ["0.00", false, false],
    ["0.01", false, false],
  ])("$%s, information only %s → %s", (valueAffected, informationOnly, ok) => {
    const outcome = checkFiling(received("2026-01-10"), damage({ valueAffected, informationOnly }), POLICY, now);
    expect(outcome.ok).toBe(ok);
    if (!ok) expect(rulesOf(outcome)).toEqual([SDR_RULE_KEYS.minimumValue]);
  });

  it("a refusal names the rule, its source and the amounts", () => {
    const [refusal] = refusalsOf(checkFiling(received("2026-01-10"), damage({ valueAffected: "199.99" }), POLICY, now));
    expect(refusal).toMatchObject({ rule: "SDR_MINIMUM_VALUE", field: "valueAffected" });
    expect(refusal!.message).toContain("$200.00");
    expect(refusal!.message).toContain("$199.99");
    expect(refusal!.message).toContain("information only");
    expect(refusal!.message).toContain(`Rule SDR_MINIMUM_VALUE: ${SDR_PRICING_RATES[0]!.source}`);
  });

  it("uses the minimum in force on the day of filing", () => {
    const raised: SdrPolicy = {
      ...POLICY,
      rates: [
        { ...SDR_PRICING_RATES[0]!, effectiveTo: day("2030-01-01") },
        { key: SDR_RULE_KEYS.minimumValue, value: "250", effectiveFrom: day("2030-01-01"), effectiveTo: null, source: "[A] raised" },
      ],
    };
    expect(rateRowOn(raised.rates, SDR_RULE_KEYS.minimumValue, at("2029-12-31T23:59:59Z"))?.value).toBe("200");
    expect(rateRowOn(raised.rates, SDR_RULE_KEYS.minimumValue, at("2030-01-01T00:00:00Z"))?.value).toBe("250");
    const input = damage({ valueAffected: "249.99" });
    expect(checkFiling(received("2029-12-20"), input, raised, at("2029-12-31T12:00:00Z")).ok).toBe(true);
    expect(rulesOf(checkFiling(received("2029-12-20"), input, raised, at("2030-01-01T12:00:00Z")))).toEqual(["SDR_MINIMUM_VALUE"]);
  });

  it("without a minimum in force, says an administrator must add one", () => {
    const [refusal] = refusalsOf(checkFiling(received("2026-01-10"), damage(), { ...POLICY, rates: [] }, now));
    expect(refusal).toMatchObject({ rule: "SDR_MINIMUM_VALUE", field: "valueAffected" });
    expect(refusal!.message).toMatch(/administrator must add one/);
  });

  it("property: a report is accepted on value exactly when it is at least $200.00 or information only", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.boolean(), (cents, informationOnly) => {
        const valueAffected = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
        const outcome = checkFiling(received("2026-01-10"), damage({ valueAffected, informationOnly }), POLICY, now);
        expect(outcome.ok).toBe(informationOnly || cents >= 20_000);
      }),
    );
  });
});

describe("checkFiling: quantity and value against the shipment", () => {
  const now = at("2026-02-01T10:00:00Z");
  it.each([
    [199, true],
    [200, true],
    [201, false],
  ])("%i affected of 200 shipped → %s", (quantityAffected, ok) => {
    const outcome = checkFiling(received("2026-01-10"), damage({ quantityAffected }), POLICY, now);
    expect(outcome.ok).toBe(ok);
    if (!ok) {
      expect(refusalsOf(outcome)[0]).toMatchObject({ rule: "QUANTITY_WITHIN_SHIPMENT", field: "quantityAffected" });
      expect(refusalsOf(outcome)[0]!.message).toContain("200 shipped");
    }
  });

  it.each([
    ["299999.99", true],
    ["300000.00", true],
    ["300000.01", false],
  ])("$%s affected of a $300,000.00 shipment → %s", (valueAffected, ok) => {
    const outcome = checkFiling(received("2026-01-10"), damage({ valueAffected }), POLICY, now);
    expect(outcome.ok).toBe(ok);
    if (!ok) expect(refusalsOf(outcome)[0]).toMatchObject({ rule: "VALUE_WITHIN_SHIPMENT", field: "valueAffected" });
  });

  it.each(SDR_TYPES.map((type) => [type, type === "BILLING_ERROR"] as const))("%s without a quantity → accepted: %s", (type, ok) => {
    const outcome = checkFiling(received("2026-01-10"), damage({ type, quantityAffected: null }), POLICY, now);
    expect(outcome.ok).toBe(ok);
    if (!ok) expect(refusalsOf(outcome)[0]).toMatchObject({ rule: "QUANTITY_REQUIRED", field: "quantityAffected" });
  });

  it("a billing error may still give a quantity, within the shipment", () => {
    expect(checkFiling(received("2026-01-10"), damage({ type: "BILLING_ERROR", quantityAffected: 200 }), POLICY, now).ok).toBe(true);
    expect(rulesOf(checkFiling(received("2026-01-10"), damage({ type: "BILLING_ERROR", quantityAffected: 201 }), POLICY, now))).toEqual([
      "QUANTITY_WITHIN_SHIPMENT",
    ]);
  });

  it("lists every broken rule at once", () => {
    const outcome = checkFiling(
      received("2026-01-10"),
      damage({ quantityAffected: 500, valueAffected: "150.00" }),
      POLICY,
      at("2027-06-01T00:00:00Z"),
    );
    expect(rulesOf(outcome)).toEqual(["SDR_FILING_WINDOW", "SDR_MINIMUM_VALUE", "QUANTITY_WITHIN_SHIPMENT"]);
  });

  it("an accepted report carries the last day and the rows it was judged by", () => {
    const outcome = checkFiling(received("2026-01-10"), damage(), POLICY, now);
    expect(outcome).toMatchObject({ ok: true, lastDay: "2027-01-10", windowRule: { key: "SDR_FILING_WINDOW" }, minimum: { value: "200" } });
  });
});

describe("decisionDue: the agency's target from the SDR_DECISION row", () => {
  it("is 60 calendar days from filing, to the moment", () => {
    expect(decisionDue(POLICY, at("2026-02-01T10:30:00Z"))).toMatchObject({ dueAt: at("2026-04-02T10:30:00Z"), rule: { key: "SDR_DECISION", days: 60 } });
  });
  it("is null with no row in force", () => {
    expect(decisionDue({ ...POLICY, rules: [] }, at("2026-02-01T10:30:00Z"))).toBeNull();
  });
});

const snapshot = (overrides: Partial<SdrSnapshot> = {}): SdrSnapshot => ({
  status: "SUBMITTED",
  informationOnly: false,
  valueAffected: "4500.00",
  decision: null,
  decidedAt: null,
  reconsiderationRequestedAt: null,
  ...overrides,
});

describe("decideStep", () => {
  it.each([
    ["SUBMITTED", { ok: true, status: "DECIDED", final: false }],
    ["RECONSIDERATION_REQUESTED", { ok: true, status: "CLOSED", final: true }],
    ["DECIDED", { ok: false, kind: "conflict", rule: "SDR_DECIDE_ONCE" }],
    ["CLOSED", { ok: false, kind: "conflict", rule: "SDR_DECIDE_ONCE" }],
  ] as const)("from %s", (status, expected) => {
    expect(decideStep(snapshot({ status }), { decision: "REPLACEMENT", creditAmount: null, reason: null })).toMatchObject(expected);
  });

  it.each([
    ["0.01", true],
    ["4499.99", true],
    ["4500.00", true],
    ["4500.01", false],
  ])("a credit of $%s on $4,500.00 affected → %s", (creditAmount, ok) => {
    const result = decideStep(snapshot(), { decision: "CREDIT", creditAmount, reason: null });
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.creditAmount).toBe(creditAmount);
    else expect(result).toMatchObject({ kind: "invalid", field: "creditAmount", rule: "SDR_CREDIT_WITHIN_VALUE" });
  });

  it.each([null, "0", "0.00"])("a credit of %s is refused: it needs an amount", (creditAmount) => {
    expect(decideStep(snapshot(), { decision: "CREDIT", creditAmount, reason: null })).toMatchObject({ ok: false, field: "creditAmount", rule: "SDR_CREDIT_AMOUNT" });
  });

  it("writes the credit to the cent", () => {
    expect(decideStep(snapshot(), { decision: "CREDIT", creditAmount: "1500.5", reason: null })).toMatchObject({ ok: true, creditAmount: "1500.50" });
  });

  it("refuses a credit on an information-only report", () => {
    expect(decideStep(snapshot({ informationOnly: true }), { decision: "CREDIT", creditAmount: "10.00", reason: null })).toMatchObject({
      ok: false,
      field: "decision",
      rule: "SDR_INFORMATION_ONLY",
    });
  });

  it.each(SDR_DECISIONS.filter((d) => d !== "CREDIT"))("%s carries no credit amount", (decision) => {
    expect(decideStep(snapshot(), { decision, creditAmount: "10.00", reason: "x" })).toMatchObject({ ok: false, field: "creditAmount" });
    const ok = decideStep(snapshot(), { decision, creditAmount: null, reason: "Because" });
    expect(ok).toMatchObject({ ok: true, creditAmount: null });
  });

  it.each([null, "", "   "])("a rejection needs its reason (%j refused)", (reason) => {
    expect(decideStep(snapshot(), { decision: "REJECTED", creditAmount: null, reason })).toMatchObject({ ok: false, field: "reason", rule: "SDR_REJECTION_REASON" });
  });

  it("replacement and repair need no reason", () => {
    for (const decision of ["REPLACEMENT", "REPAIR_AND_RETURN"] as const) {
      expect(decideStep(snapshot(), { decision, creditAmount: null, reason: null }).ok).toBe(true);
    }
  });
});

describe("reconsiderStep: once, within the window from the decision", () => {
  const decided = snapshot({ status: "DECIDED", decision: "REJECTED", decidedAt: at("2026-03-01T15:00:00Z") });

  it.each([
    ["the day of the decision", "2026-03-01T16:00:00Z", true],
    ["one day before the last day", "2026-04-14T12:00:00Z", true],
    ["the last day, first instant", "2026-04-15T00:00:00Z", true],
    ["the last day, last instant", "2026-04-15T23:59:59.999Z", true],
    ["one day after the last day", "2026-04-16T00:00:00Z", false],
  ])("decided 2026-03-01, asked %s → %s", (_name, now, ok) => {
    const result = reconsiderStep(decided, POLICY, at(now));
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result).toMatchObject({ status: "RECONSIDERATION_REQUESTED", lastDay: "2026-04-15" });
  });

  it("a late request names the rule, its source and the dates", () => {
    const result = reconsiderStep(decided, POLICY, at("2026-04-16T00:00:00Z"));
    expect(result).toMatchObject({ ok: false, kind: "conflict", rule: "SDR_RECONSIDERATION" });
    if (result.ok) return;
    expect(result.message).toContain("45 calendar days");
    expect(result.message).toContain("2026-04-15");
    expect(result.message).toContain("Rule SDR_RECONSIDERATION:");
    expect(result.message).toContain("DSCA Policy Memo 10-44");
  });

  it("refuses a second request, whatever the state", () => {
    for (const status of ["DECIDED", "RECONSIDERATION_REQUESTED", "CLOSED"] as const) {
      const asked = { ...decided, status, reconsiderationRequestedAt: at("2026-03-05T09:00:00Z") };
      expect(reconsiderStep(asked, POLICY, at("2026-03-06T09:00:00Z"))).toMatchObject({ ok: false, kind: "conflict", rule: "SDR_RECONSIDERATION_ONCE" });
    }
  });

  it("refuses before a decision", () => {
    expect(reconsiderStep(snapshot(), POLICY, at("2026-03-06T09:00:00Z"))).toMatchObject({ ok: false, rule: "SDR_RECONSIDERATION_AFTER_DECISION" });
  });

  it("without a window row in force when decided, says an administrator must add one", () => {
    const none = { ...POLICY, rules: POLICY.rules.filter((r) => r.key !== SDR_RULE_KEYS.reconsideration) };
    expect(reconsiderStep(decided, none, at("2026-03-02T00:00:00Z"))).toMatchObject({ ok: false, rule: "SDR_RECONSIDERATION" });
  });
});

describe("the status machine end to end", () => {
  it("SUBMITTED → DECIDED → RECONSIDERATION_REQUESTED → CLOSED, with whose move it is at each step", () => {
    const now = at("2026-03-01T15:00:00Z");
    let sdr = snapshot();
    expect(sdrWaitingOn(sdr, POLICY, now)).toBe("AGENCY");
    const first = decideStep(sdr, { decision: "CREDIT", creditAmount: "1000.00", reason: null });
    if (!first.ok) throw new Error(first.message);
    sdr = { ...sdr, status: first.status, decision: "CREDIT", decidedAt: now };
    expect(sdrWaitingOn(sdr, POLICY, at("2026-03-10T00:00:00Z"))).toBe("PARTNER");
    expect(sdrWaitingOn(sdr, POLICY, at("2026-04-16T00:00:00Z"))).toBeNull();
    const asked = reconsiderStep(sdr, POLICY, at("2026-03-10T00:00:00Z"));
    if (!asked.ok) throw new Error(asked.message);
    sdr = { ...sdr, status: asked.status, reconsiderationRequestedAt: at("2026-03-10T00:00:00Z") };
    expect(sdrWaitingOn(sdr, POLICY, at("2026-03-11T00:00:00Z"))).toBe("AGENCY");
    const final = decideStep(sdr, { decision: "CREDIT", creditAmount: "4500.00", reason: "Full value on review of the photos" });
    expect(final).toMatchObject({ ok: true, status: "CLOSED", final: true, creditAmount: "4500.00" });
    sdr = { ...sdr, status: "CLOSED" };
    expect(sdrWaitingOn(sdr, POLICY, at("2026-03-12T00:00:00Z"))).toBeNull();
    expect(reconsiderStep(sdr, POLICY, at("2026-03-12T00:00:00Z")).ok).toBe(false);
  });

  it("the partner may accept a decision as final: only a decided report, which then closes", () => {
    const decidedReport = snapshot({ status: "DECIDED", decision: "REPLACEMENT", decidedAt: at("2026-03-01T15:00:00Z") });
    expect(acceptDecisionStep(decidedReport)).toEqual({ ok: true, status: "CLOSED" });
    for (const status of ["SUBMITTED", "RECONSIDERATION_REQUESTED", "CLOSED"] as const) {
      expect(acceptDecisionStep(snapshot({ status }))).toMatchObject({ ok: false, kind: "conflict", rule: "SDR_ACCEPT_AFTER_DECISION" });
    }
    // Once accepted, nothing is left to ask for.
    expect(reconsiderStep({ ...decidedReport, status: "CLOSED" }, POLICY, at("2026-03-02T00:00:00Z")).ok).toBe(false);
  });

  it("only submitted and reconsidered reports are open (waiting on the agency)", () => {
    expect(SDR_STATUSES.filter((s: SdrStatus) => isSdrOpen(s))).toEqual(["SUBMITTED", "RECONSIDERATION_REQUESTED"]);
  });
});

describe("words and references", () => {
  it("SDR-<case>-<n>", () => {
    expect(sdrReference("BN-B-AAA", 1)).toBe("SDR-BN-B-AAA-1");
  });

  it("states the four rules in force in plain words, with their sources", () => {
    const rules = sdrRulesInWords(POLICY, at("2026-02-01T00:00:00Z"));
    expect(rules.map((r) => r.key)).toEqual(["SDR_FILING_WINDOW", "SDR_MINIMUM_VALUE", "SDR_DECISION", "SDR_RECONSIDERATION"]);
    expect(rules[0]!.text).toContain("365 calendar days");
    expect(rules[1]!.text).toContain("$200.00");
    expect(rules[2]!.text).toContain("60 calendar days");
    expect(rules[3]!.text).toContain("45 calendar days");
    for (const rule of rules) expect(rule.source.length).toBeGreaterThan(10);
  });
});

describe("timeline entries", () => {
  const base = { sdrId: "x", number: 1, reference: "SDR-BN-B-AAA-1" };
  it("are registered with the execution events", () => {
    for (const action of ["sdr.file", "sdr.decide", "sdr.reconsider", "sdr.comment", "sdr.attach"]) {
      expect(executionEventOf(action)).toBe(SDR_EVENTS[action]);
    }
  });

  it("tell the partner what was filed, decided and asked", () => {
    const partner = { partner: true };
    expect(
      SDR_EVENTS["sdr.file"]!.note!(
        { ...base, type: "DAMAGE", quantityAffected: 3, valueAffected: "4500.00", informationOnly: false, shipmentDocumentNumber: "W81XGD6001A001", attachments: [{}] },
        partner,
      ),
    ).toBe("SDR-BN-B-AAA-1: damage, 3 affected, $4,500.00 on shipment W81XGD6001A001. 1 file(s) attached.");
    expect(SDR_EVENTS["sdr.decide"]!.note!({ ...base, decision: "CREDIT", creditAmount: "1500.00", reason: null, final: false }, partner)).toBe(
      "SDR-BN-B-AAA-1: credit to the case of $1,500.00.",
    );
    expect(SDR_EVENTS["sdr.decide"]!.note!({ ...base, decision: "REJECTED", reason: "Damage in the forwarder's care.", final: true }, partner)).toBe(
      "SDR-BN-B-AAA-1: rejected (final decision after reconsideration). Damage in the forwarder's care.",
    );
    expect(SDR_EVENTS["sdr.reconsider"]!.note!({ ...base, reason: "See photos 2 and 3." }, partner)).toBe("SDR-BN-B-AAA-1: See photos 2 and 3.");
  });

  it("show the partner the report's steps, and comments by their visibility only", () => {
    for (const action of ["sdr.file", "sdr.decide", "sdr.reconsider", "sdr.attach"]) expect(partnerViewOf(null, action, null)).toBe("milestone");
    expect(partnerViewOf(null, "sdr.comment", "PARTNER_VISIBLE")).toBe("comment");
    expect(partnerViewOf(null, "sdr.comment", "USG_INTERNAL")).toBe("hidden");
  });
});

describe("input schemas", () => {
  const shipmentId = "11111111-1111-4111-8111-111111111111";
  it("a filing needs a shipment, a type, a value to the cent and a description; the quantity may be left empty", () => {
    expect(FileSdrInput.parse({ shipmentId, type: "BILLING_ERROR", valueAffected: "250", description: " Billed twice " })).toEqual({
      shipmentId,
      type: "BILLING_ERROR",
      quantityAffected: null,
      valueAffected: "250.00",
      informationOnly: false,
      description: "Billed twice",
    });
    const bad = FileSdrInput.safeParse({ shipmentId: "x", type: "LOST", quantityAffected: 1.5, valueAffected: "12.345", description: "" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0]).sort()).toEqual(["description", "quantityAffected", "shipmentId", "type", "valueAffected"]);
    expect(FileSdrInput.safeParse({ shipmentId, type: "DAMAGE", valueAffected: "-1", description: "x" }).success).toBe(false);
    expect(FileSdrInput.safeParse({ shipmentId, type: "DAMAGE", valueAffected: "1", description: "x", extra: 1 }).success).toBe(false);
  });

  it("a decision's credit amount is exact and optional; a reconsideration needs its reason; a comment its text", () => {
    expect(DecideSdrInput.parse({ expectedVersion: 1, decision: "CREDIT", creditAmount: "1,500.5" })).toEqual({
      expectedVersion: 1,
      decision: "CREDIT",
      creditAmount: "1500.50",
      reason: null,
    });
    expect(DecideSdrInput.parse({ expectedVersion: 2, decision: "REJECTED", creditAmount: "", reason: "No" })).toMatchObject({ creditAmount: null, reason: "No" });
    expect(DecideSdrInput.safeParse({ expectedVersion: 1, decision: "CREDIT", creditAmount: "10.001" }).success).toBe(false);
    expect(ReconsiderSdrInput.safeParse({ expectedVersion: 1, reason: "  " }).success).toBe(false);
    expect(SdrCommentInput.safeParse({ text: "" }).success).toBe(false);
    expect(SdrCommentInput.parse({ text: "Photos attached", visibility: "PARTNER_VISIBLE" })).toEqual({ text: "Photos attached", visibility: "PARTNER_VISIBLE" });
  });
});
