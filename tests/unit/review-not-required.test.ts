// DSCA records that a State or DTSA review is not required (issue 13): the task closes as NOT_REQUIRED with its reason,
// the AND-join waits only on the reviews still required, and "waiting on" stops naming the waived office.
import { describe, expect, it } from "vitest";
import { can } from "@/domain/policy";
import type { CaseSnapshot } from "@/domain/workflow/case-workflow";
import { availableActions, transition } from "@/domain/workflow/engine";
import { waitingOnOf, waitingOnText } from "@/domain/workflow/waiting-on";
import type { ReviewOffice } from "@/domain/workflow/states";
import {
  NOW,
  USERS,
  admin,
  auditor,
  caseIn,
  context,
  decidedTask,
  dsca,
  dtsaReviewer,
  financeOfficer,
  fire,
  iaManager,
  partner,
  person,
  refuse,
  reviewerFor,
  stateReviewer,
  task,
} from "./case-fixtures";

const reason = { comment: "No technology transfer: spare parts already released to this country." };
const waive = (office: ReviewOffice) => ({ ...reason, office });
const text = (snapshot: CaseSnapshot, audience: "USG" | "PARTNER" = "USG") =>
  waitingOnText(waitingOnOf(snapshot, NOW, audience), (d) => d.toISOString().slice(0, 10));

const taskOf = (snapshot: CaseSnapshot, office: ReviewOffice) => snapshot.tasks.find((t) => t.office === office && t.round === snapshot.reviewRound)!;

describe("recording a review as not required", () => {
  it.each(["STATE_PM", "DTSA"] as const)("DSCA records the %s review as not required, with its reason, who and when", (office) => {
    const after = fire(caseIn("IN_REVIEW"), "review-not-required", dsca(), waive(office));
    expect(taskOf(after, office)).toMatchObject({
      status: "NOT_REQUIRED",
      decision: null,
      decidedById: USERS.dsca,
      decidedAt: NOW,
      comment: reason.comment,
      // The reason is never the partner's to read.
      commentVisibility: "USG_INTERNAL",
    });
    // The other reviews are untouched and the case still waits for them.
    expect(after.status).toBe("IN_REVIEW");
    expect(after.tasks.filter((t) => t.office !== office).every((t) => t.status === "OPEN")).toBe(true);
  });

  it("DSCA's own case review can never be recorded as not required", () => {
    expect(refuse(caseIn("IN_REVIEW"), "review-not-required", dsca(), waive("DSCA"))).toMatchObject({ kind: "invalid-input", field: "office" });
  });

  it("a reason is required", () => {
    for (const comment of [undefined, null, ""]) {
      expect(refuse(caseIn("IN_REVIEW"), "review-not-required", dsca(), { office: "DTSA", comment })).toMatchObject({
        kind: "invalid-input",
        field: "comment",
      });
    }
  });

  it("the office must be named", () => {
    expect(refuse(caseIn("IN_REVIEW"), "review-not-required", dsca(), reason)).toMatchObject({ kind: "invalid-input", field: "office" });
  });

  it.each(["CONCUR", "CONCUR_WITH_COMMENT"] as const)("a review already decided (%s) cannot be recorded as not required", (decision) => {
    const c = caseIn("IN_REVIEW", "NOT_REQUIRED", { tasks: [task("DSCA"), decidedTask("STATE_PM", decision), task("DTSA")] });
    const refusal = refuse(c, "review-not-required", dsca(), waive("STATE_PM"));
    expect(refusal).toMatchObject({ kind: "invalid-input", field: "office" });
    expect(refusal.message).toMatch(/already decided/);
  });

  it("a review recorded as not required cannot be recorded twice", () => {
    const once = fire(caseIn("IN_REVIEW"), "review-not-required", dsca(), waive("DTSA"));
    expect(refuse(once, "review-not-required", dsca(USERS.dsca), waive("DTSA")).message).toMatch(/already recorded as not required/);
  });

  it("is offered only while a State or DTSA review is open, and only in review", () => {
    expect(availableActions(caseIn("IN_REVIEW"), dsca(), context())).toContain("review-not-required");
    const bothDecided = caseIn("IN_REVIEW", "NOT_REQUIRED", { tasks: [task("DSCA"), decidedTask("STATE_PM"), decidedTask("DTSA")] });
    expect(availableActions(bothDecided, dsca(), context())).not.toContain("review-not-required");
    expect(refuse(bothDecided, "review-not-required", dsca(), waive("DTSA")).kind).toBe("guard");
    for (const status of ["IN_DEVELOPMENT", "READY_TO_SIGN", "AGENCY_SIGNED", "SUSPENDED"] as const) {
      expect(refuse(caseIn(status), "review-not-required", dsca(), waive("DTSA")).kind).toBe("invalid-state");
    }
  });
});

describe("the AND-join with a review not required", () => {
  it.each(["STATE_PM", "DTSA"] as const)("with %s not required, the case is ready to sign once the others concur", (waived) => {
    let c = fire(caseIn("IN_REVIEW"), "review-not-required", dsca(), waive(waived));
    const others = (["DSCA", "STATE_PM", "DTSA"] as const).filter((o) => o !== waived);
    c = fire(c, "concur", reviewerFor(others[0]!, others[0] === "DSCA" ? USERS.dsca2 : undefined));
    expect(c.status).toBe("IN_REVIEW");
    c = fire(c, "concur", reviewerFor(others[1]!, others[1] === "DSCA" ? USERS.dsca2 : undefined));
    expect(c.status).toBe("READY_TO_SIGN");
  });

  it("the waiver that is the last thing the join waited for makes the case ready to sign", () => {
    const c = caseIn("IN_REVIEW", "NOT_REQUIRED", { tasks: [decidedTask("DSCA"), decidedTask("STATE_PM"), task("DTSA")] });
    expect(fire(c, "review-not-required", dsca(), waive("DTSA")).status).toBe("READY_TO_SIGN");
  });

  it("both State and DTSA may be not required: DSCA's concurrence alone completes the join", () => {
    let c = fire(caseIn("IN_REVIEW"), "review-not-required", dsca(), waive("STATE_PM"));
    c = fire(c, "review-not-required", dsca(), waive("DTSA"));
    expect(c.status).toBe("IN_REVIEW");
    expect(fire(c, "concur", dsca(USERS.dsca2)).status).toBe("READY_TO_SIGN");
  });

  it("the join still waits for the congressional notification to clear", () => {
    const c = caseIn("IN_REVIEW", "FORMALLY_NOTIFIED", { tasks: [decidedTask("DSCA"), decidedTask("STATE_PM"), task("DTSA")] });
    const after = fire(c, "review-not-required", dsca(), waive("DTSA"));
    expect(after.status).toBe("IN_REVIEW");
    expect(text(after)).toMatch(/^Congress: the formal notification period ends/);
  });

  it("a return for rework by a remaining reviewer still sends the LOA back", () => {
    const c = fire(caseIn("IN_REVIEW"), "review-not-required", dsca(), waive("DTSA"));
    const returned = fire(c, "return-for-rework", stateReviewer(), { comment: "Fix the notes." });
    expect(returned.status).toBe("IN_DEVELOPMENT");
    // The waived task keeps its record; the open DSCA task is cancelled with the round.
    expect(taskOf(returned, "DTSA").status).toBe("NOT_REQUIRED");
    expect(taskOf(returned, "DSCA").status).toBe("CANCELLED");
  });

  it("the waiver covers its round only: the next approval opens every review again", () => {
    const c = fire(caseIn("IN_REVIEW"), "review-not-required", dsca(), waive("DTSA"));
    const returned = fire(c, "return-for-rework", stateReviewer(), { comment: "Fix the notes." });
    const again = fire(returned, "approve-loa", iaManager());
    expect(again.tasks.filter((t) => t.round === 2).map((t) => [t.office, t.status])).toEqual([
      ["DSCA", "OPEN"],
      ["STATE_PM", "OPEN"],
      ["DTSA", "OPEN"],
    ]);
  });
});

describe("waiting on", () => {
  it.each([
    ["DTSA", "DSCA and State reviews"],
    ["STATE_PM", "DSCA and DTSA reviews"],
  ] as const)("stops naming a waived %s review", (office, expected) => {
    const c = fire(caseIn("IN_REVIEW"), "review-not-required", dsca(), waive(office));
    expect(text(c)).toBe(expected);
    // Partners see U.S. Government reviews, with or without a waiver.
    expect(text(c, "PARTNER")).toBe("U.S. Government reviews");
  });

  it("names only DSCA once State and DTSA are both waived", () => {
    let c = fire(caseIn("IN_REVIEW"), "review-not-required", dsca(), waive("STATE_PM"));
    c = fire(c, "review-not-required", dsca(), waive("DTSA"));
    expect(text(c)).toBe("DSCA review");
  });
});

describe("who may record it", () => {
  it("only DSCA analysts hold the rule", () => {
    expect(can(dsca(), "waiveReview")).toBe(true);
    for (const other of [stateReviewer(), dtsaReviewer(), iaManager(), partner(), admin(), auditor(), financeOfficer()]) {
      expect(can(other, "waiveReview"), other.role).toBe(false);
    }
  });

  it.each([
    ["State reviewer", stateReviewer()],
    ["DTSA reviewer", dtsaReviewer()],
    ["agency case manager", iaManager()],
    ["administrator", admin()],
  ] as const)("a %s cannot record a review as not required (not even their own office's)", (_who, actor) => {
    expect(refuse(caseIn("IN_REVIEW"), "review-not-required", actor, waive("DTSA")).kind).toBe("forbidden");
    expect(availableActions(caseIn("IN_REVIEW"), actor, context())).not.toContain("review-not-required");
  });

  it("another country's partner gets not-found", () => {
    expect(refuse(caseIn("IN_REVIEW"), "review-not-required", partner("c0000000-0000-4000-8000-000000000099"), waive("DTSA")).kind).toBe(
      "not-found",
    );
  });

  it("the agency user who approved the LOA, now at DSCA, cannot waive a review of it", () => {
    const formerPreparer = person("DSCA_ANALYST", USERS.ia);
    expect(refuse(caseIn("IN_REVIEW"), "review-not-required", formerPreparer, waive("DTSA")).kind).toBe("separation-of-duties");
  });

  it("whoever waived another office's review cannot also decide DSCA's review", () => {
    const c = fire(caseIn("IN_REVIEW"), "review-not-required", dsca(), waive("DTSA"));
    const refusal = refuse(c, "concur", dsca(), {});
    expect(refusal.kind).toBe("separation-of-duties");
    expect(refusal.message).toMatch(/not required/);
    expect(availableActions(c, dsca(), context())).not.toContain("concur");
    // A second DSCA analyst may.
    expect(transition(c, "concur", dsca(USERS.dsca2), {}, context()).ok).toBe(true);
  });

  it("whoever decided DSCA's review cannot then waive another office's", () => {
    const c = fire(caseIn("IN_REVIEW"), "concur", dsca());
    expect(refuse(c, "review-not-required", dsca(), waive("DTSA")).kind).toBe("separation-of-duties");
    expect(availableActions(c, dsca(), context())).not.toContain("review-not-required");
    expect(fire(c, "review-not-required", dsca(USERS.dsca2), waive("DTSA")).status).toBe("IN_REVIEW");
  });

  it("one DSCA analyst may waive both State and DTSA", () => {
    const c = fire(caseIn("IN_REVIEW"), "review-not-required", dsca(), waive("STATE_PM"));
    expect(transition(c, "review-not-required", dsca(), waive("DTSA"), context()).ok).toBe(true);
  });

  it("a waived office's reviewer has nothing left to decide", () => {
    const c = fire(caseIn("IN_REVIEW"), "review-not-required", dsca(), waive("DTSA"));
    expect(availableActions(c, dtsaReviewer(), context())).toEqual([]);
    expect(refuse(c, "concur", dtsaReviewer(), {}).kind).toBe("guard");
  });
});
