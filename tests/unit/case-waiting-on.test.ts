// "Waiting on" names what the case really waits for (issue 13): the offices whose reviews are still open, the step the
// congressional-notification track is at — Congress, with the date its period ends — and, for partners, the same truth
// without the U.S. Government's internal steps.
import { describe, expect, it } from "vitest";
import type { CaseSnapshot } from "@/domain/workflow/case-workflow";
import { CASE_STATUSES, PRE_OFFER_STATUSES, REVIEW_OFFICES, type CaseStatus, type CnStatus } from "@/domain/workflow/states";
import { waitingOnOf, waitingOnText, type WaitingOnAudience } from "@/domain/workflow/waiting-on";
import { formatDate } from "@/lib/format";
import {
  NOW,
  at,
  caseIn,
  context,
  decidedTask,
  dsca,
  fire,
  plusDays,
  reviewerFor,
  stateReviewer,
  task,
} from "./case-fixtures";

const text = (snapshot: CaseSnapshot, audience: WaitingOnAudience = "USG", now: Date = NOW) =>
  waitingOnText(waitingOnOf(snapshot, now, audience), formatDate);

const PERIOD_END = at("2027-03-12T15:00:00.000Z");
const INFORMAL_END = at("2026-03-20T15:00:00.000Z");

/** In review with the given offices still open (the others concurred) and the notification track at `cn`. */
function inReview(open: readonly string[], cn: CnStatus = "NOT_REQUIRED"): CaseSnapshot {
  const c = caseIn("IN_REVIEW", cn, { natoPlus: false });
  return {
    ...c,
    tasks: REVIEW_OFFICES.map((office) => (open.includes(office) ? task(office) : decidedTask(office))),
    cn: {
      ...c.cn,
      informalEndsAt: cn === "INFORMAL_REVIEW" ? INFORMAL_END : c.cn.informalEndsAt,
      periodEndsAt: cn === "FORMALLY_NOTIFIED" || cn === "BLOCKED" ? PERIOD_END : c.cn.periodEndsAt,
    },
  };
}

describe("waiting on, state by state", () => {
  // Written out here, not read from WAITING_ON: the words people see.
  const EXPECTED: Record<CaseStatus, string> = {
    OPENED: "DSCA to assign the implementing agency",
    IN_DEVELOPMENT: "The implementing agency to develop and approve the LOA",
    IN_REVIEW: "DSCA, State and DTSA reviews",
    READY_TO_SIGN: "The implementing agency to sign",
    AGENCY_SIGNED: "DSCA to countersign",
    COUNTERSIGNED: "The implementing agency to send the offer",
    OFFERED: "The partner to accept by the offer expiration date",
    ACCEPTED: "The initial deposit to arrive and DSCA/DFAS to record it",
    EXPIRED: "The implementing agency to restate the offer",
    IMPLEMENTED: "The implementing agency to start execution",
    EXECUTING: "Deliveries and services under way",
    SUPPLY_SERVICES_COMPLETE: "The implementing agency to submit the closure certificate",
    CLOSURE_PENDING: "DSCA to close the case",
    CLOSED: "Nobody — the case is closed",
    SUSPENDED: "DSCA to resume the case",
    CANCELLED: "Nobody — the case is cancelled",
    DISAPPROVED: "Nobody — the case was disapproved",
  };

  it.each(CASE_STATUSES)("%s, no notification under way", (status) => {
    const c = caseIn(status);
    expect(text(c)).toBe(EXPECTED[status]);
    expect(waitingOnOf(c, NOW, "USG")).toEqual([
      // In review the open reviews are named (all three at first), with the offices for a page to word them.
      status === "IN_REVIEW"
        ? { code: "office-reviews", offices: ["DSCA", "STATE_PM", "DTSA"], text: EXPECTED[status], until: null }
        : { code: `status.${status}`, text: EXPECTED[status], until: null },
    ]);
    // The partner reads the same, except for the offer that waits on them and the reviews' offices.
    const forPartner = status === "OFFERED" ? "Your acceptance, by the offer expiration date" : status === "IN_REVIEW" ? "U.S. Government reviews" : EXPECTED[status];
    expect(text(c, "PARTNER")).toBe(forPartner);
  });

  it("a suspended case waits on DSCA's resume, whatever its notification track was doing", () => {
    for (const cn of ["FORMALLY_NOTIFIED", "STATE_CLEARANCE", "INFORMAL_REVIEW"] as const) {
      const c = { ...inReview(["DTSA"], cn), status: "SUSPENDED" as const, suspendedFromStatus: "IN_REVIEW" as const };
      expect(waitingOnOf(c, NOW, "USG"), cn).toEqual([{ code: "status.SUSPENDED", text: "DSCA to resume the case", until: null }]);
      expect(waitingOnOf(c, NOW, "PARTNER"), cn).toEqual([{ code: "status.SUSPENDED", text: "DSCA to resume the case", until: null }]);
    }
  });
});

describe("in review: only the reviews still open", () => {
  it.each([
    [["DSCA", "STATE_PM", "DTSA"], "DSCA, State and DTSA reviews"],
    [["STATE_PM", "DTSA"], "State and DTSA reviews"],
    [["DSCA", "DTSA"], "DSCA and DTSA reviews"],
    [["DSCA", "STATE_PM"], "DSCA and State reviews"],
    [["DTSA"], "DTSA review"],
    [["DSCA"], "DSCA review"],
  ])("open %j → %s", (open, expected) => {
    expect(text(inReview(open))).toBe(expected);
    // Partners are not told which office is still deciding.
    expect(text(inReview(open), "PARTNER")).toBe("U.S. Government reviews");
  });

  it("reviews of an earlier round do not count", () => {
    const c = inReview(["DTSA"]);
    const earlier = { ...c, reviewRound: 2, tasks: [...c.tasks.map((t) => ({ ...t, round: 1, status: "CANCELLED" as const })), task("STATE_PM", { round: 2 })] };
    expect(text(earlier)).toBe("State review");
  });

  it("all three concurred on a notification-required case: Congress and the end of the formal period, not the reviews", () => {
    const c = inReview([], "FORMALLY_NOTIFIED");
    expect(waitingOnOf(c, NOW, "USG")).toEqual([{ code: "cn-formal-period", text: "Congress: the formal notification period ends", until: PERIOD_END }]);
    expect(text(c)).toBe("Congress: the formal notification period ends Mar 12, 2027");
    // The partner sees the same truth: formal notification is public.
    expect(text(c, "PARTNER")).toBe("Congress: the formal notification period ends Mar 12, 2027");
  });

  it("reviews still open and Congress formally notified: both, in that order", () => {
    const c = inReview(["STATE_PM", "DTSA"], "FORMALLY_NOTIFIED");
    expect(text(c)).toBe("State and DTSA reviews; Congress: the formal notification period ends Mar 12, 2027");
    expect(text(c, "PARTNER")).toBe("U.S. Government reviews; Congress: the formal notification period ends Mar 12, 2027");
  });
});

describe("in review: each step of the notification track", () => {
  const cases: [CnStatus, string | null][] = [
    ["NOT_REQUIRED", null],
    ["CLEARED", null],
    ["PREPARATION", "DSCA to prepare the congressional notification"],
    ["STATE_CLEARANCE", "State to clear the congressional notification"],
    ["INFORMAL_REVIEW", "Congress: the informal review period ends Mar 20, 2026"],
    ["FORMALLY_NOTIFIED", "Congress: the formal notification period ends Mar 12, 2027"],
    ["HELD", "DSCA to release the hold on the congressional notification"],
  ];

  it.each(cases)("%s, with DTSA's review open", (cn, step) => {
    expect(text(inReview(["DTSA"], cn))).toBe(step ? `DTSA review; ${step}` : "DTSA review");
  });

  it.each(cases.filter(([, step]) => step !== null))("%s, every review concurred: the notification step alone", (cn, step) => {
    expect(text(inReview([], cn))).toBe(step);
  });

  it("after the informal review period DSCA must notify formally (nothing happens on its own)", () => {
    const c = inReview([], "INFORMAL_REVIEW");
    expect(waitingOnOf(c, new Date(INFORMAL_END.getTime() - 1), "USG")).toEqual([
      { code: "cn-informal-period", text: "Congress: the informal review period ends", until: INFORMAL_END },
    ]);
    expect(waitingOnOf(c, INFORMAL_END, "USG")).toEqual([{ code: "cn-formal-notice", text: "DSCA to formally notify Congress", until: null }]);
  });

  it("a joint resolution blocking the sale is the only thing that matters, for everyone", () => {
    const c = inReview(["DTSA"], "BLOCKED");
    expect(text(c)).toBe("Nobody — Congress blocked the sale by joint resolution");
    expect(text(c, "PARTNER")).toBe("Nobody — Congress blocked the sale by joint resolution");
  });

  it.each(["PREPARATION", "STATE_CLEARANCE", "INFORMAL_REVIEW", "HELD"] as const)(
    "%s is internal: the partner sees U.S. Government reviews, with no date, even once every review concurred",
    (cn) => {
      expect(waitingOnOf(inReview([], cn), NOW, "PARTNER")).toEqual([{ code: "usg-reviews", text: "U.S. Government reviews", until: null }]);
      expect(waitingOnOf(inReview(["DSCA"], cn), NOW, "PARTNER")).toEqual([{ code: "usg-reviews", text: "U.S. Government reviews", until: null }]);
    },
  );
});

describe("before the offer, outside review, the notification runs beside the state's own step", () => {
  it("in development (e.g. returned for rework) with Congress formally notified", () => {
    const c = { ...inReview([], "FORMALLY_NOTIFIED"), status: "IN_DEVELOPMENT" as const, tasks: [] };
    expect(text(c)).toBe("The implementing agency to develop and approve the LOA; Congress: the formal notification period ends Mar 12, 2027");
    expect(text(c, "PARTNER")).toBe("The implementing agency to develop and approve the LOA; Congress: the formal notification period ends Mar 12, 2027");
  });

  it("in development with DSCA preparing the notification: the partner sees only the agency's step", () => {
    const c = { ...caseIn("IN_DEVELOPMENT", "PREPARATION") };
    expect(text(c)).toBe("The implementing agency to develop and approve the LOA; DSCA to prepare the congressional notification");
    expect(text(c, "PARTNER")).toBe("The implementing agency to develop and approve the LOA");
  });

  it("after the offer the notification track is over and never named", () => {
    for (const status of CASE_STATUSES.filter((s) => !PRE_OFFER_STATUSES.includes(s) && s !== "SUSPENDED")) {
      expect(waitingOnOf(caseIn(status, "CLEARED"), NOW, "USG")).toHaveLength(1);
    }
  });
});

describe("through the workflow: NATO+ and other purchasers", () => {
  /** A case in review, every review concurred, notification required and sent to State, then cleared by State. */
  function clearedByState(natoPlus: boolean) {
    let c: CaseSnapshot = { ...caseIn("IN_REVIEW", "NOT_REQUIRED", { natoPlus }) };
    c = fire(c, "set-notification-requirement", dsca(), { required: true });
    expect(text(c)).toBe("DSCA, State and DTSA reviews; DSCA to prepare the congressional notification");
    for (const office of REVIEW_OFFICES) c = fire(c, "concur", reviewerFor(office));
    expect(c.status).toBe("IN_REVIEW");
    expect(text(c)).toBe("DSCA to prepare the congressional notification");
    c = fire(c, "send-notification-to-state", dsca());
    expect(text(c)).toBe("State to clear the congressional notification");
    return fire(c, "clear-notification", stateReviewer());
  }

  it("NATO+: straight to the 15-day formal period once State clears", () => {
    const c = clearedByState(true);
    const ends = plusDays(NOW, 15);
    expect(waitingOnOf(c, NOW, "USG")).toEqual([{ code: "cn-formal-period", text: "Congress: the formal notification period ends", until: ends }]);
    expect(text(c)).toBe(`Congress: the formal notification period ends ${formatDate(ends)}`);
    expect(text(c, "PARTNER")).toBe(`Congress: the formal notification period ends ${formatDate(ends)}`);
  });

  it("others: the 20-day informal review first (internal to partners), then DSCA notifies, then the 30-day formal period", () => {
    let c = clearedByState(false);
    const informalEnds = plusDays(NOW, 20);
    expect(waitingOnOf(c, NOW, "USG")).toEqual([{ code: "cn-informal-period", text: "Congress: the informal review period ends", until: informalEnds }]);
    expect(text(c, "PARTNER")).toBe("U.S. Government reviews");
    expect(text(c, "USG", informalEnds)).toBe("DSCA to formally notify Congress");
    c = fire(c, "notify-congress", dsca(), {}, context(informalEnds));
    const formalEnds = plusDays(informalEnds, 30);
    expect(waitingOnOf(c, informalEnds, "USG")).toEqual([{ code: "cn-formal-period", text: "Congress: the formal notification period ends", until: formalEnds }]);
    expect(text(c, "PARTNER", informalEnds)).toBe(`Congress: the formal notification period ends ${formatDate(formalEnds)}`);
  });
});
