// A notice's title is written once, in English, when its event is dispatched ("BN-P-AAD: LOA offered to the partner",
// "Action needed — …", src/domain/notifications/kinds.ts noticeTitle). For a reader in another language the page and
// the e-mail word it again: the record's name stays, and what happened is worded from the catalogue when it is a
// phrase the domain's tables wrote (a workflow event, an execution step, the case's opening). Anything else stays as
// written. Pure: the words are passed in.
import { CASE_OPENED_LABELS } from "@/domain/cases/case-event-view";
import { EXECUTION_EVENTS } from "@/domain/execution/timeline";
import { CASE_EVENTS } from "@/domain/workflow/case-workflow";

const ACTION_PREFIX = "Action needed — ";

/** Where each English phrase's words are in the catalogue: namespace and key. */
export type PhraseKey = { namespace: "CaseEvents" | "ExecEvents" | "CaseOpened"; key: string };

const PHRASES = new Map<string, PhraseKey>([
  ...Object.entries(CASE_EVENTS).map(([event, def]) => [def.pastTense, { namespace: "CaseEvents", key: `${event}.pastTense` }] as const),
  ...Object.entries(EXECUTION_EVENTS).map(([action, def]) => [def.label, { namespace: "ExecEvents", key: action.replace(".", "_") }] as const),
  ...Object.entries(CASE_OPENED_LABELS).map(([key, label]) => [label, { namespace: "CaseOpened", key }] as const),
]);

export interface NoticeTitleWords {
  /** A phrase in the reader's language. */
  phrase(at: PhraseKey): string;
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
  const at = PHRASES.get(what);
  const worded = at ? words.phrase(at) : what;
  const full = subject ? words.subjectLine(subject, worded) : worded;
  return action ? words.actionNeeded(full) : full;
}
