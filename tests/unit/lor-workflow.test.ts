import { describe, expect, it } from "vitest";
import { LOR_REQUEST_TYPES, LOR_STATUSES, type LorRequestType, type LorStatus } from "@/domain/lor/codes";
import {
  LOR_ACTIONS,
  LOR_TRANSITIONS,
  OPEN_STATUSES,
  canTransition,
  isAwaitingValidation,
  isEditable,
  lorTransition,
  type LorAction,
} from "@/domain/lor/workflow";

/**
 * The LOR state machine written out independently of LOR_TRANSITIONS, from fms-domain.md §4.1:
 * DRAFT → SUBMITTED → UNDER_VALIDATION → INSUFFICIENT | ACTIONABLE → COMPLETE (→ PA_PROVIDED for P&A requests);
 * an insufficient letter is edited and resubmitted; the partner may withdraw before the letter is complete; the USG
 * may disapprove while it holds the letter or it waits for changes. "same" means the action leaves the status alone.
 *
 * Two shortcuts the app adds to the §4.1 diagram are expected here as design: a validator may mark a letter complete
 * straight from UNDER_VALIDATION, and may send an ACTIONABLE letter back as INSUFFICIENT.
 */
type Target = LorStatus | "same";
const EXPECTED: Record<LorAction, Partial<Record<LorStatus, Target>>> = {
  edit: { DRAFT: "same", INSUFFICIENT: "same" },
  submit: { DRAFT: "SUBMITTED", INSUFFICIENT: "SUBMITTED" },
  withdraw: {
    DRAFT: "WITHDRAWN",
    SUBMITTED: "WITHDRAWN",
    UNDER_VALIDATION: "WITHDRAWN",
    INSUFFICIENT: "WITHDRAWN",
    ACTIONABLE: "WITHDRAWN",
  },
  acknowledge: { SUBMITTED: "UNDER_VALIDATION" },
  markInsufficient: { UNDER_VALIDATION: "INSUFFICIENT", ACTIONABLE: "INSUFFICIENT" },
  markActionable: { UNDER_VALIDATION: "ACTIONABLE" },
  markComplete: { UNDER_VALIDATION: "COMPLETE", ACTIONABLE: "COMPLETE" },
  respondPriceAndAvailability: { COMPLETE: "PA_PROVIDED" },
  disapprove: {
    SUBMITTED: "DISAPPROVED",
    UNDER_VALIDATION: "DISAPPROVED",
    INSUFFICIENT: "DISAPPROVED",
    ACTIONABLE: "DISAPPROVED",
  },
};
/** Actions that also depend on the kind of request. */
const ONLY_FOR: Partial<Record<LorAction, LorRequestType>> = { respondPriceAndAvailability: "PRICE_AND_AVAILABILITY" };

/** How each status reads in a refusal, written independently of LOR_STATUS_LABELS. */
const STATUS_WORDS: Record<LorStatus, RegExp> = {
  DRAFT: /\bdraft\b/i,
  SUBMITTED: /\bsubmitted\b/i,
  UNDER_VALIDATION: /under validation/i,
  INSUFFICIENT: /insufficient/i,
  ACTIONABLE: /actionable/i,
  COMPLETE: /complete/i,
  PA_PROVIDED: /answered with P&A data/i,
  WITHDRAWN: /withdrawn/i,
  DISAPPROVED: /disapproved/i,
};

const REQUEST_TYPES: (LorRequestType | null)[] = [...LOR_REQUEST_TYPES, null];

const matrix = LOR_STATUSES.flatMap((status) =>
  LOR_ACTIONS.flatMap((action) =>
    REQUEST_TYPES.map((requestType) => {
      const target = EXPECTED[action][status];
      const typeAllowed = ONLY_FOR[action] === undefined || ONLY_FOR[action] === requestType;
      return {
        status,
        action,
        requestType,
        target: target === undefined || !typeAllowed ? null : target === "same" ? status : target,
        refusedForType: target !== undefined && !typeAllowed,
      };
    }),
  ),
);

describe("LOR state machine", () => {
  it("knows the nine statuses and nine actions this test knows", () => {
    expect([...LOR_STATUSES]).toEqual([
      "DRAFT",
      "SUBMITTED",
      "UNDER_VALIDATION",
      "INSUFFICIENT",
      "ACTIONABLE",
      "COMPLETE",
      "PA_PROVIDED",
      "WITHDRAWN",
      "DISAPPROVED",
    ]);
    expect([...LOR_ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(Object.keys(LOR_TRANSITIONS).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const allowed = matrix.filter((m) => m.target !== null);
  const refused = matrix.filter((m) => m.target === null);

  it("the table has both outcomes", () => {
    expect(allowed.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(allowed.length);
    expect(allowed.length + refused.length).toBe(9 * 9 * 5);
  });

  it.each(allowed)("$status + $action ($requestType) → $target", ({ status, action, requestType, target }) => {
    const outcome = lorTransition(status, action, requestType);
    expect(outcome).toEqual({ ok: true, to: target, changesStatus: action !== "edit" });
    expect(canTransition(status, action, requestType)).toBe(true);
  });

  it.each(refused)("$status + $action ($requestType) is refused", ({ status, action, requestType, refusedForType }) => {
    const outcome = lorTransition(status, action, requestType);
    expect(outcome.ok).toBe(false);
    expect(canTransition(status, action, requestType)).toBe(false);
    if (outcome.ok) return;
    if (refusedForType) {
      expect(outcome.reason).toMatch(/only price-and-availability requests/i);
    } else {
      // The partner or analyst reads why: the current status in words, never an internal code.
      expect(outcome.reason).toMatch(STATUS_WORDS[status]);
      expect(outcome.reason).toMatch(/cannot be .+ now$/);
      expect(outcome.reason).not.toMatch(/[A-Z]{2,}_[A-Z]{2,}/);
    }
  });
});

describe("what the partner notices", () => {
  it("a draft can be edited, submitted and withdrawn but not validated", () => {
    expect(LOR_ACTIONS.filter((a) => canTransition("DRAFT", a, "LOA"))).toEqual(["edit", "submit", "withdraw"]);
  });

  it("an insufficient letter can be edited and resubmitted", () => {
    expect(lorTransition("INSUFFICIENT", "edit", "LOA")).toEqual({ ok: true, to: "INSUFFICIENT", changesStatus: false });
    expect(lorTransition("INSUFFICIENT", "submit", "LOA")).toEqual({ ok: true, to: "SUBMITTED", changesStatus: true });
  });

  it.each(["SUBMITTED", "UNDER_VALIDATION", "ACTIONABLE", "COMPLETE", "PA_PROVIDED", "WITHDRAWN", "DISAPPROVED"] as const)(
    "a %s letter cannot be edited, and says so in words",
    (status) => {
      const outcome = lorTransition(status, "edit", "LOA");
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.reason).toMatch(/^This letter of request is .+, so it cannot be edited now$/);
    },
  );

  it("a complete letter can no longer be withdrawn or disapproved", () => {
    for (const action of ["withdraw", "disapprove"] as const) {
      expect(canTransition("COMPLETE", action, "LOA")).toBe(false);
      expect(canTransition("COMPLETE", action, "PRICE_AND_AVAILABILITY")).toBe(false);
    }
  });

  it.each(["PA_PROVIDED", "WITHDRAWN", "DISAPPROVED"] as const)("%s is final: every action is refused", (status) => {
    for (const action of LOR_ACTIONS) for (const type of REQUEST_TYPES) expect(canTransition(status, action, type)).toBe(false);
  });

  it("a complete P&A request can be answered once; an LOA, amendment or modification request cannot", () => {
    expect(lorTransition("COMPLETE", "respondPriceAndAvailability", "PRICE_AND_AVAILABILITY")).toEqual({
      ok: true,
      to: "PA_PROVIDED",
      changesStatus: true,
    });
    expect(canTransition("PA_PROVIDED", "respondPriceAndAvailability", "PRICE_AND_AVAILABILITY")).toBe(false);
    for (const type of ["LOA", "AMENDMENT", "MODIFICATION", null] as const) {
      const outcome = lorTransition("COMPLETE", "respondPriceAndAvailability", type);
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.reason).toBe("Only price-and-availability requests can be answered with P&A data");
    }
  });

  it("a P&A request that is not complete yet is refused for its status, not its type", () => {
    const outcome = lorTransition("ACTIONABLE", "respondPriceAndAvailability", "PRICE_AND_AVAILABILITY");
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.reason).toMatch(/actionable/i);
  });

  it("the refusal for an under-validation letter reads naturally", () => {
    const outcome = lorTransition("UNDER_VALIDATION", "submit", "LOA");
    expect(outcome).toEqual({ ok: false, reason: "This letter of request is under validation, so it cannot be submitted now" });
  });
});

describe("status helpers", () => {
  const editable: LorStatus[] = ["DRAFT", "INSUFFICIENT"];
  it.each(LOR_STATUSES)("isEditable(%s)", (status) => {
    expect(isEditable(status)).toBe(editable.includes(status));
  });

  // The five-day validation clock runs while the USG has the letter and has not yet found it actionable.
  const awaiting: LorStatus[] = ["SUBMITTED", "UNDER_VALIDATION"];
  it.each(LOR_STATUSES)("isAwaitingValidation(%s)", (status) => {
    expect(isAwaitingValidation(status)).toBe(awaiting.includes(status));
  });

  it("open statuses are those before a final outcome", () => {
    expect([...OPEN_STATUSES].sort()).toEqual(
      ["DRAFT", "SUBMITTED", "UNDER_VALIDATION", "INSUFFICIENT", "ACTIONABLE", "COMPLETE"].sort(),
    );
  });
});
