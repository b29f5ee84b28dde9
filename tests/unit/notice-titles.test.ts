// Notice titles in the reader's language (issue 16 §1): the record's name stays, a workflow event is worded from the
// catalogue, and anything else stays as it was written.
import { describe, expect, it } from "vitest";
import { CASE_EVENTS } from "@/domain/workflow/case-workflow";
import { noticeTitle } from "@/domain/notifications/kinds";
import { wordNoticeTitle, type NoticeTitleWords } from "@/i18n/notice-titles";

const french: NoticeTitleWords = {
  phrase: ({ namespace, key }) => (namespace === "CaseEvents" ? `«${key.replace(".pastTense", "")}»` : `«${namespace}:${key}»`),
  subjectLine: (subject, what) => `${subject} : ${what}`,
  actionNeeded: (line) => `Action requise — ${line}`,
};

describe("a notice's title for a reader in another language", () => {
  it("words every workflow event's title as the dispatch writes it, update or action, keeping the record's name", () => {
    for (const [event, def] of Object.entries(CASE_EVENTS)) {
      expect(wordNoticeTitle(noticeTitle("BN-P-AAD", def.pastTense, "update"), french)).toBe(`BN-P-AAD : «${event}»`);
      expect(wordNoticeTitle(noticeTitle("BN-P-AAD", def.pastTense, "action"), french)).toBe(`Action requise — BN-P-AAD : «${event}»`);
    }
    expect(wordNoticeTitle(noticeTitle(null, CASE_EVENTS.offer.pastTense, "update"), french)).toBe("«offer»");
  });

  it("words an execution step and the case's opening too", () => {
    expect(wordNoticeTitle("BN-P-AAD: Shipment sent", french)).toBe("BN-P-AAD : «ExecEvents:shipment_record»");
    expect(wordNoticeTitle("BN-P-AAD: Case opened from a complete letter of request", french)).toBe("BN-P-AAD : «CaseOpened:fromLetter»");
  });

  it("leaves what it cannot word as it was written", () => {
    expect(wordNoticeTitle("BN/2026/117: Your letter was returned as insufficient", french)).toBe("BN/2026/117 : Your letter was returned as insufficient");
    expect(wordNoticeTitle("A policy change awaits a decision", french)).toBe("A policy change awaits a decision");
  });
});
