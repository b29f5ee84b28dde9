import { Tag } from "@/components/ui/card";
import type { CaseEventView } from "@/domain/schemas/cases";
import { COMMENT_VISIBILITY_LABELS } from "@/domain/workflow/states";
import { formatDateTime } from "@/lib/format";

/** The case's events, oldest first. Comments say who may see them, so nobody mistakes an internal note for a public one. */
export function CaseTimeline({ events, showVisibility }: { events: readonly CaseEventView[]; showVisibility: boolean }) {
  if (events.length === 0) return <p className="text-base-dark">Nothing has happened yet.</p>;
  return (
    <ol className="relative ml-2 border-l-2 border-base-lighter" data-testid="timeline">
      {events.map((event) => (
        <li key={event.id} className="mb-4 ml-4" data-testid="timeline-event" data-action={event.action}>
          <span className="absolute -left-[7px] mt-1.5 h-3 w-3 rounded-full bg-primary" aria-hidden="true" />
          <p className="font-bold" data-status={event.toStatus ?? undefined}>
            {event.label}
          </p>
          <p className="text-sm text-base-dark">
            <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time> · {event.actor}
          </p>
          {event.note && <p className="mt-1 text-sm">{event.note}</p>}
          {event.comment && (
            <blockquote className="mt-1 border-l-4 border-base-light bg-base-lightest px-3 py-2 text-sm" data-testid="timeline-comment">
              {showVisibility && event.commentVisibility && (
                <span className="mb-1 block">
                  <Tag tone={event.commentVisibility === "PARTNER_VISIBLE" ? "warning" : "base"}>
                    {COMMENT_VISIBILITY_LABELS[event.commentVisibility]}
                  </Tag>
                </span>
              )}
              <span className="whitespace-pre-line">{event.comment}</span>
            </blockquote>
          )}
        </li>
      ))}
    </ol>
  );
}
