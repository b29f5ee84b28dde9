import { Tag } from "@/components/ui/card";
import type { CaseEventView } from "@/domain/schemas/cases";
import { COMMENT_VISIBILITY_LABELS } from "@/domain/workflow/states";
import { TimelineList } from "@/components/ui/timeline";

/** The case's events, oldest first. Comments say who may see them, so nobody mistakes an internal note for a public one. */
export function CaseTimeline({ events, showVisibility }: { events: readonly CaseEventView[]; showVisibility: boolean }) {
  return (
    <TimelineList
      events={events}
      more={(event) =>
        event.comment && (
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
        )
      }
    />
  );
}
