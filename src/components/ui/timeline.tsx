import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/ui/local-time";

export interface TimelineEntry {
  id: string;
  occurredAt: string;
  label: string;
  actor: string;
  toStatus?: string | null;
  action?: string;
  note?: string | null;
}

/**
 * A record's events, oldest first, as an ordered list a screen reader can walk: what happened, when and by whom, its
 * note, and whatever the record adds (`more`: changed fields, a comment…).
 */
export function TimelineList<E extends TimelineEntry>({ events, more }: { events: readonly E[]; more?: (event: E) => ReactNode }) {
  const t = useTranslations("UiTimeline");
  if (events.length === 0) return <p className="text-base-dark">{t("empty")}</p>;
  return (
    <ol className="relative ms-2 border-s-2 border-base-lighter" data-testid="timeline">
      {events.map((event) => (
        <li key={event.id} className="mb-4 ms-4" data-testid="timeline-event" data-action={event.action}>
          <span className="absolute -start-[7px] mt-1.5 h-3 w-3 rounded-full bg-primary" aria-hidden="true" />
          <p className="font-bold" data-status={event.toStatus ?? undefined}>
            {event.label}
          </p>
          <p className="text-sm text-base-dark">
            <LocalTime value={event.occurredAt} /> · {event.actor}
          </p>
          {event.note && <p className="mt-1 whitespace-pre-line text-sm">{event.note}</p>}
          {more?.(event)}
        </li>
      ))}
    </ol>
  );
}
