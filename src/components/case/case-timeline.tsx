import type { ReactNode } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Tag } from "@/components/ui/card";
import { CASE_OPENED_LABELS } from "@/domain/cases/case-event-view";
import { CASE_OPENED_ACTION } from "@/domain/workflow/case-workflow";
import { localeOf } from "@/i18n/config";
import { useFormats } from "@/i18n/use-formats";
import type { CommentVisibility } from "@/domain/workflow/states";
import { TimelineList, type TimelineEntry } from "@/components/ui/timeline";
import { useLabels } from "@/i18n/use-labels";

type CommentedEntry = TimelineEntry & {
  comment: string | null;
  commentVisibility: CommentVisibility | null;
  /** The workflow event and its review office, when the entry is one: worded in the reader's language. */
  event?: string | null;
  reviewOffice?: string | null;
  /** The note's facts as data (src/domain/cases/case-event-view.ts), worded in the reader's language. */
  facts?: readonly ({ fact: string } & Record<string, string | number | null>)[];
};

/**
 * The case's events, oldest first. Comments say who may see them, so nobody mistakes an internal note for a public one.
 * `more` adds what a page shows after the comment (the purchase timeline: the kind of step and a link to its record).
 */
export function CaseTimeline<E extends CommentedEntry>({
  events,
  showVisibility,
  more,
}: {
  events: readonly E[];
  showVisibility: boolean;
  more?: (event: E) => ReactNode;
}) {
  const label = useLabels();
  const locale = useLocale();
  const tEvents = useTranslations("CaseEvents");
  const t = useTranslations("CaseTimeline");
  const tFacts = useTranslations("CaseEventFacts");
  const tExec = useTranslations("ExecEvents");
  const tOpened = useTranslations("CaseOpened");
  const tNotes = useTranslations("ExecNotes");
  const tClosure = useTranslations("ClosureTypes");
  const f = useFormats();
  // An execution step's note: days and amounts in the reader's notation, codes in their words.
  const DAYS = ["awardedOn", "shippedOn", "receivedOn"];
  const MONEY = ["amount", "unitPrice", "remaining"];
  const stepText = (fact: Record<string, string | number | null>): string => {
    const values = Object.fromEntries(
      Object.entries(fact).map(([name, value]) => {
        const text = String(value ?? "");
        if (DAYS.includes(name)) return [name, text ? f.date(text) : "—"];
        if (MONEY.includes(name)) return [name, f.usd(text || null)];
        if (name === "mode") return [name, label("shipmentMode", text).toLocaleLowerCase(locale)];
        if (name === "shipmentStatus") return [name, label("shipmentStatus", text).toLocaleLowerCase(locale)];
        return [name, text];
      }),
    );
    const message = String(fact.message);
    if (!tNotes.has(message)) return "";
    const reason = values.reason ? tNotes("reasonSuffix", { reason: values.reason }) : "";
    const cancelled = values.cancelledRequisitions ? tNotes("cancelledSuffix", { list: values.cancelledRequisitions }) : "";
    return `${tNotes(message, values)}${reason}${cancelled}`;
  };
  const factText = (fact: NonNullable<CommentedEntry["facts"]>[number]): string => {
    const v = (name: string) => String(fact[name] ?? "");
    const day = (name: string) => (fact[name] ? f.date(String(fact[name])) : "—");
    switch (fact.fact) {
      case "signedBy":
        return tFacts("signedBy", { name: v("name"), title: v("title"), day: day("day") });
      case "initialDeposit":
        return tFacts("initialDeposit", { amount: f.usd(fact.amount as string | null) });
      case "depositReceived":
        return tFacts(fact.wire ? "depositReceivedWire" : "depositReceived", { amount: f.usd(fact.amount as string | null), day: day("day"), wire: v("wire") });
      case "offerExpires":
        return tFacts("offerExpires", { day: day("day") });
      case "closureType":
        return tClosure(`label.${v("closureType")}`);
      case "changeReason":
        return v("text");
      case "changeSignedBy":
        return fact.title ? tFacts("changeSignedByTitle", { name: v("name"), title: v("title") }) : tFacts("changeSignedBy", { name: v("name") });
      case "confirmedDocument":
        return fact.sha256
          ? tFacts("confirmedDocumentSha", { number: v("number"), version: v("version"), sha: v("sha256") })
          : tFacts("confirmedDocument", { number: v("number"), version: v("version") });
      case "notification":
        return tFacts("notification", { status: label("cnStatus", v("status")) });
      case "newIdentifier":
        return tFacts("newIdentifier", { identifier: v("identifier") });
      case "step":
        return stepText(fact);
      default:
        return tFacts.has(fact.fact) ? tFacts(fact.fact) : "";
    }
  };
  // English is the domain's own wording (src/domain/cases/case-event-view.ts); other languages word workflow events
  // from their catalogue. Other entries (documents, execution) keep the domain's English for now.
  // Entries that are not workflow events: the case's opening and the execution steps, by their action.
  const otherLabel = (event: E): string => {
    if (event.action === CASE_OPENED_ACTION) return tOpened(event.label === CASE_OPENED_LABELS.fromLetter ? "fromLetter" : "plain");
    const key = event.action?.replace(".", "_");
    return key && tExec.has(key) ? tExec(key) : event.label;
  };
  const worded = (event: E): E => {
    if (localeOf(locale) === "en") return event;
    const note = event.facts && event.facts.length > 0 ? event.facts.map(factText).filter(Boolean).join(tFacts("separator")) : event.note;
    if (!event.event || !tEvents.has(`${event.event}.pastTense`)) return { ...event, note, label: otherLabel(event) };
    const past = tEvents(`${event.event}.pastTense`);
    return { ...event, note, label: event.reviewOffice ? t("officeEvent", { office: label("reviewOffice", event.reviewOffice), event: past }) : past };
  };
  return (
    <TimelineList
      events={events.map(worded)}
      more={(event) => (
        <>
          {event.comment && (
            <blockquote className="mt-1 border-s-4 border-base-light bg-base-lightest px-3 py-2 text-sm" data-testid="timeline-comment">
              {showVisibility && event.commentVisibility && (
                <span className="mb-1 block">
                  <Tag tone={event.commentVisibility === "PARTNER_VISIBLE" ? "warning" : "base"}>
                    {label("commentVisibility", event.commentVisibility)}
                  </Tag>
                </span>
              )}
              <span className="whitespace-pre-line">{event.comment}</span>
            </blockquote>
          )}
          {more?.(event)}
        </>
      )}
    />
  );
}
