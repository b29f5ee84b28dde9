import type { LorStatus } from "@/domain/lor/codes";
import { TimelineList } from "@/components/ui/timeline";

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

/** Every event on the letter, oldest first, with the fields each edit changed. */
export function Timeline({ events }: { events: readonly TimelineEvent[] }) {
  return (
    <TimelineList
      events={events}
      more={(event) =>
        event.changedFields.length > 0 && <p className="text-sm">Changed: {event.changedFields.map(fieldName).join(", ")}</p>
      }
    />
  );
}
