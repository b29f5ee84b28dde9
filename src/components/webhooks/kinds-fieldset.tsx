import { useTranslations } from "next-intl";
import { NOTICE_GROUP_KEYS } from "@/components/notifications/kind-keys";
import { NOTIFICATION_GROUPS, NOTIFICATION_KINDS, NOTIFICATION_RULES } from "@/domain/notifications/kinds";

/** The kinds of event a webhook receives, grouped as on the notification preferences; none ticked means all. */
export function KindsFieldset({ selected = [], error }: { selected?: readonly string[]; error?: string }) {
  const t = useTranslations("WebhooksKinds");
  const kinds = useTranslations("NoticesKinds");
  return (
    <fieldset className={`mb-5 ${error ? "border-s-4 border-error-dark ps-3" : ""}`} aria-describedby="kinds-hint">
      <legend className="font-bold">{t("legend")}</legend>
      <p id="kinds-hint" className="text-sm text-base-dark">
        {t("hint")}
      </p>
      {error && <p className="text-sm font-bold text-error-dark">{error}</p>}
      <div className="mt-2 grid gap-4 md:grid-cols-2">
        {NOTIFICATION_GROUPS.map((group) => {
          const inGroup = NOTIFICATION_KINDS.filter((kind) => NOTIFICATION_RULES[kind].group === group);
          if (inGroup.length === 0) return null;
          return (
            <fieldset key={group}>
              <legend className="text-sm font-bold">{kinds(`group.${NOTICE_GROUP_KEYS[group]}`)}</legend>
              {inGroup.map((kind) => (
                <div key={kind} className="flex items-start gap-2 py-0.5">
                  <input type="checkbox" id={`kind-${kind}`} name="kinds" value={kind} defaultChecked={selected.includes(kind)} className="mt-1 h-4 w-4" />
                  <label htmlFor={`kind-${kind}`} className="text-sm">
                    {kinds(`kind.${kind}`)}
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
