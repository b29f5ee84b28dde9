import { describe, expect, it } from "vitest";
import { basicLoaMove, caseMoveMayMoveBasicLoa, type BasicLoaMove } from "@/domain/loa/document-flow";
import { DOCUMENT_STATUSES, type DocumentStatus } from "@/domain/loa/codes";
import { CASE_STATUSES, type CaseStatus } from "@/domain/workflow/states";

describe("the basic LOA follows its case", () => {
  const cases: [event: string, before: CaseStatus, after: CaseStatus, basic: DocumentStatus, move: BasicLoaMove][] = [
    ["approve-loa", "IN_DEVELOPMENT", "IN_REVIEW", "DRAFT", "submit"],
    ["return-for-rework", "IN_REVIEW", "IN_DEVELOPMENT", "SUBMITTED", "reopen"],
    ["restate", "OFFERED", "IN_DEVELOPMENT", "OFFERED", "restate"],
    ["offer", "COUNTERSIGNED", "OFFERED", "SUBMITTED", "offer"],
    ["accept", "OFFERED", "ACCEPTED", "OFFERED", "accept"],
    ["record-deposit", "ACCEPTED", "IMPLEMENTED", "ACCEPTED", "implement"],
    ["cancel", "IN_DEVELOPMENT", "CANCELLED", "DRAFT", "withdraw"],
    ["disapprove", "IN_REVIEW", "DISAPPROVED", "SUBMITTED", "withdraw"],
  ];
  it.each(cases)("%s (%s → %s) moves a %s LOA: %s", (event, before, after, basic, move) => {
    expect(basicLoaMove(event, before, after, basic)).toBe(move);
  });

  it("leaves the LOA alone when the case stays where it was, e.g. a comment or a decision that changes no status", () => {
    for (const status of CASE_STATUSES) {
      for (const basic of DOCUMENT_STATUSES) expect(basicLoaMove("approve-loa", status, status, basic)).toBeNull();
    }
  });

  it("leaves the LOA alone when a resume brings a case back to development with its draft untouched", () => {
    expect(basicLoaMove("resume", "SUSPENDED", "IN_DEVELOPMENT", "DRAFT")).toBeNull();
    // A resume into development does bring a submitted LOA back to a draft, as any return to development does.
    expect(basicLoaMove("resume", "SUSPENDED", "IN_DEVELOPMENT", "SUBMITTED")).toBe("reopen");
  });

  it("never reads the LOA for a move into a state that cannot move it (a suspension, a review decision)", () => {
    expect(caseMoveMayMoveBasicLoa("suspend", "IN_DEVELOPMENT", "SUSPENDED")).toBe(false);
    expect(caseMoveMayMoveBasicLoa("concur", "IN_REVIEW", "READY_TO_SIGN")).toBe(false);
    expect(caseMoveMayMoveBasicLoa("approve-loa", "IN_DEVELOPMENT", "IN_REVIEW")).toBe(true);
    for (const basic of DOCUMENT_STATUSES) expect(basicLoaMove("suspend", "OFFERED", "SUSPENDED", basic)).toBeNull();
  });

  it("moves only an LOA in the status each move starts from", () => {
    for (const [event, before, after, from] of cases) {
      for (const basic of DOCUMENT_STATUSES.filter((status) => status !== from)) {
        const move = basicLoaMove(event, before, after, basic);
        // Cancelling or disapproving withdraws a draft or a submitted LOA alike; every other move has one starting status.
        if (after === "CANCELLED" || after === "DISAPPROVED") expect(move).toBe(basic === "DRAFT" || basic === "SUBMITTED" ? "withdraw" : null);
        else if (after === "IN_DEVELOPMENT") expect(move).toBe(basic === "SUBMITTED" ? "reopen" : basic === "OFFERED" ? "restate" : null);
        else expect(move).toBeNull();
      }
    }
  });
});
