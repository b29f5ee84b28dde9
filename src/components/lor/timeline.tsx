import { useTranslations } from "next-intl";
import type { LorStatus } from "@/domain/lor/codes";
import { TimelineList } from "@/components/ui/timeline";

export interface TimelineEvent {
  id: string;
  occurredAt: string;
  /** The audit action ("lor.submit"): the event's words come from LorTimeline.events, its English label otherwise. */
  action?: string;
  label: string;
  actor: string;
  toStatus: LorStatus | null;
  fromStatus: LorStatus | null;
  note: string | null;
  changedFields: string[];
}

/** English for a field with no message of its own, as Caseway has always written it ("signatoryName" → "signatory name"). */
const fallbackFieldName = (key: string) => key.replace(/([A-Z])/g, " $1").toLowerCase();

/** Every event on the letter, oldest first, with the fields each edit changed. */
export function Timeline({ events }: { events: readonly TimelineEvent[] }) {
  const t = useTranslations("LorTimeline");
  const eventKey = (action: string | undefined) => (action ? `events.${action.replace(/\./g, "_")}` : "");
  const fieldName = (key: string) => (t.has(`fields.${key}`) ? t(`fields.${key}` as never) : fallbackFieldName(key));
  const shown = events.map((event) => {
    const key = eventKey(event.action);
    return key && t.has(key) ? { ...event, label: t(key as never) } : event;
  });
  return (
    <TimelineList
      events={shown}
      more={(event) =>
        event.changedFields.length > 0 && (
          <p className="text-sm">{t("changed", { fields: event.changedFields.map(fieldName).join(t("listSeparator")) })}</p>
        )
      }
    />
  );
}
