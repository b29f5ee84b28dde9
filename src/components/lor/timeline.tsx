import type { LorStatus } from "@/domain/lor/codes";
import { formatDateTime } from "@/lib/format";

export interface TimelineEvent {
  id: string;
  occurredAt: string;
  label: string;
  actor: string;
  toStatus: LorStatus | null;
  fromStatus: LorStatus | null;
  note: string | null;
  changedFields: string[];
}

const FIELD_NAMES: Record<string, string> = {
  pointsOfContact: "points of contact",
  preferredAgencyCode: "preferred agency",
  requestedDeliveryBy: "delivery date",
  originatorReference: "reference number",
  originatorName: "originating office",
  originatorAddress: "address",
};
const fieldName = (key: string) => FIELD_NAMES[key] ?? key.replace(/([A-Z])/g, " $1").toLowerCase();

/** Every event on the record, oldest first, as an ordered list a screen reader can walk. */
export function Timeline({ events }: { events: readonly TimelineEvent[] }) {
  if (events.length === 0) return <p className="text-base-dark">Nothing has happened yet.</p>;
  return (
    <ol className="relative ml-2 border-l-2 border-base-lighter" data-testid="timeline">
      {events.map((event) => (
        <li key={event.id} className="mb-4 ml-4" data-testid="timeline-event">
          <span className="absolute -left-[7px] mt-1.5 h-3 w-3 rounded-full bg-primary" aria-hidden="true" />
          <p className="font-bold" data-status={event.toStatus ?? undefined}>
            {event.label}
          </p>
          <p className="text-sm text-base-dark">
            <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time> · {event.actor}
          </p>
          {event.changedFields.length > 0 && (
            <p className="text-sm">Changed: {event.changedFields.map(fieldName).join(", ")}</p>
          )}
          {event.note && <p className="mt-1 whitespace-pre-line text-sm">{event.note}</p>}
        </li>
      ))}
    </ol>
  );
}
