import { NOTIFICATION_GROUPS, NOTIFICATION_KINDS, NOTIFICATION_RULES } from "@/domain/notifications/kinds";

/** The kinds of event a webhook receives, grouped as on the notification preferences; none ticked means all. */
export function KindsFieldset({ selected = [], error }: { selected?: readonly string[]; error?: string }) {
  return (
    <fieldset className={`mb-5 ${error ? "border-l-4 border-error-dark pl-3" : ""}`} aria-describedby="kinds-hint">
      <legend className="font-bold">Events to send</legend>
      <p id="kinds-hint" className="text-sm text-base-dark">
        Leave every box empty to receive every event your organization may see. Your system only ever receives events about your own records.
      </p>
      {error && <p className="text-sm font-bold text-error-dark">{error}</p>}
      <div className="mt-2 grid gap-4 md:grid-cols-2">
        {NOTIFICATION_GROUPS.map((group) => {
          const kinds = NOTIFICATION_KINDS.filter((kind) => NOTIFICATION_RULES[kind].group === group);
          if (kinds.length === 0) return null;
          return (
            <fieldset key={group}>
              <legend className="text-sm font-bold">{group}</legend>
              {kinds.map((kind) => (
                <div key={kind} className="flex items-start gap-2 py-0.5">
                  <input type="checkbox" id={`kind-${kind}`} name="kinds" value={kind} defaultChecked={selected.includes(kind)} className="mt-1 h-4 w-4" />
                  <label htmlFor={`kind-${kind}`} className="text-sm">
                    {NOTIFICATION_RULES[kind].label}
                  </label>
                </div>
              ))}
            </fieldset>
          );
        })}
      </div>
    </fieldset>
  );
}
