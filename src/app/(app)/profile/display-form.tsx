"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert, FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/form";
import type { DisplayPreferencesView } from "@/domain/schemas/display-preferences";
import type { ActionState } from "@/server/action-result";

/** The person's language and time zone; "your browser's" (empty) leaves the choice to the browser. */
export function DisplayPreferencesForm({
  save,
  saved,
  languages,
  zones,
  shownIn,
}: {
  save: (previous: ActionState, form: FormData) => Promise<ActionState>;
  saved: DisplayPreferencesView;
  languages: { code: string; name: string }[];
  zones: string[];
  shownIn: string;
}) {
  const t = useTranslations("Profile");
  const [state, action, pending] = useActionState<ActionState, FormData>(save, { status: "idle" });
  const fields = state.status === "error" ? state.fields : undefined;
  return (
    <div>
      {state.status === "ok" && (
        <div className="mb-4">
          <Alert type="success" title={state.message} testId="display-saved" />
        </div>
      )}
      <FormProblem state={state} title={t("displayNotSaved")} testId="display-error" />
      <p className="mb-3 text-sm" data-testid="display-zone">
        {t.rich("timesShownIn", { zone: shownIn, strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      <form action={action} noValidate className="flex flex-wrap items-end gap-x-6">
        <Field id="display-locale" label={t("languageLabel")} error={fields?.locale}>
          <Select id="display-locale" name="locale" defaultValue={saved.locale ?? ""} error={fields?.locale}>
            <option value="">{t("browserLanguage")}</option>
            {languages.map((language) => (
              <option key={language.code} value={language.code} lang={language.code}>
                {language.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="display-zone-select" label={t("zoneLabel")} hint={t("zoneHint")} error={fields?.timeZone}>
          <Select id="display-zone-select" name="timeZone" defaultValue={saved.timeZone ?? ""} hasHint error={fields?.timeZone}>
            <option value="">{t("browserZone")}</option>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone.replaceAll("_", " ")}
              </option>
            ))}
          </Select>
        </Field>
        <div className="mb-5">
          <Button type="submit" disabled={pending}>
            {t("saveDisplay")}
          </Button>
        </div>
      </form>
    </div>
  );
}
