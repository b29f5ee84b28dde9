// A notice's title is written once, in English, when its event is dispatched ("BN-P-AAD: LOA offered to the partner",
// "Action needed — …", src/domain/notifications/kinds.ts noticeTitle). For a reader in another language the page
// words it again: the record's name stays, and what happened is worded from the catalogue when it is a workflow event
// (CaseEvents' past tense). Anything else stays as written. Pure: the words are passed in.
import { CASE_EVENTS } from "@/domain/workflow/case-workflow";

const ACTION_PREFIX = "Action needed — ";

/** English past tense → case event, e.g. "LOA offered to the partner" → "offer". */
const EVENT_BY_PAST_TENSE = new Map(Object.entries(CASE_EVENTS).map(([event, def]) => [def.pastTense, event]));

export interface NoticeTitleWords {
  /** The event's past tense in the reader's language. */
  pastTense(event: string): string;
  /** "{subject}: {what}" in the reader's language. */
  subjectLine(subject: string, what: string): string;
  /** "Action needed — {line}" in the reader's language. */
  actionNeeded(line: string): string;
}

export function wordNoticeTitle(title: string, words: NoticeTitleWords): string {
  const action = title.startsWith(ACTION_PREFIX);
  const line = action ? title.slice(ACTION_PREFIX.length) : title;
  const split = line.indexOf(": ");
  const subject = split > 0 ? line.slice(0, split) : null;
  const what = split > 0 ? line.slice(split + 2) : line;
  const event = EVENT_BY_PAST_TENSE.get(what);
  const worded = event ? words.pastTense(event) : what;
  const full = subject ? words.subjectLine(subject, worded) : worded;
  return action ? words.actionNeeded(full) : full;
}
