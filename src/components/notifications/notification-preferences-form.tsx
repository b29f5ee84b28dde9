"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert, FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RadioGroup } from "@/components/ui/form";
import { EMAIL_MODES, type NotificationPreferencesView } from "@/domain/schemas/notification-preferences";
import { useLabels } from "@/i18n/use-labels";
import type { ActionState } from "@/server/action-result";
import { NOTICE_GROUP_KEYS } from "./kind-keys";

/**
 * The e-mail settings form: one fieldset per group of kinds, and in it one radio group per kind (Immediately, Daily
 * digest, Off), each legend the kind's label and its hint the default. One Save for the whole form.
 */
export function NotificationPreferencesForm({
  preferences,
  action,
}: {
  preferences: NotificationPreferencesView;
  action: (previous: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("NoticesPreferences");
  const kinds = useTranslations("NoticesKinds");
  const label = useLabels();
  const options = EMAIL_MODES.map((mode) => ({ value: mode, label: label("emailMode", mode) }));
  const [state, submit, pending] = useActionState<ActionState, FormData>(action, { status: "idle" });
  const [chosen, setChosen] = useState<Record<string, string>>(() =>
    Object.fromEntries(preferences.groups.flatMap((g) => g.items.map((i) => [i.kind, i.email]))),
  );
  const fields = state.status === "error" ? state.fields : undefined;
  return (
    <form action={submit} noValidate data-testid="notification-preferences-form">
      <FormProblem state={state} title={t("notSaved")} testId="preferences-error" />
      {preferences.groups.map((group) => (
        <fieldset key={group.group} className="mb-6 rounded border border-base-lighter bg-white p-5 shadow-sm">
          <legend className="px-1 text-lg font-bold">{kinds(`group.${NOTICE_GROUP_KEYS[group.group]}`)}</legend>
          {group.items.map((item) => (
            <RadioGroup
              key={item.kind}
              name={item.kind}
              idPrefix={`pref-${item.kind}`}
              legend={kinds(`kind.${item.kind}`)}
              hint={t("defaultHint", { mode: item.defaultEmail })}
              error={fields?.[`preferences.${item.kind}`]}
              options={options}
              value={chosen[item.kind] ?? item.email}
              onChange={(value) => setChosen((previous) => ({ ...previous, [item.kind]: value }))}
            />
          ))}
        </fieldset>
      ))}
      {/* Beside the button the person just pressed, and announced (role="status"). */}
      {state.status === "ok" && (
        <div className="mb-4">
          <Alert type="success" title={state.message} testId="preferences-saved" />
        </div>
      )}
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
