"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/form";
import type { WebhookView } from "@/domain/schemas/webhooks";
import type { ActionState } from "@/server/action-result";
import { KindsFieldset } from "./kinds-fieldset";

export function WebhookSettingsForm({ webhook, action }: { webhook: WebhookView; action: (previous: ActionState, form: FormData) => Promise<ActionState> }) {
  const t = useTranslations("WebhooksForm");
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { status: "idle" });
  const fields = state.status === "error" ? (state.fields ?? {}) : {};
  const stale = state.status === "error" && state.currentVersion !== undefined;
  return (
    <section aria-labelledby="settings-heading" className="mb-8 max-w-3xl">
      <h2 id="settings-heading" className="mb-3 text-xl font-bold">
        {t("settingsHeading")}
      </h2>
      <form action={formAction} noValidate key={webhook.version}>
        <FormProblem state={state} title={stale ? t("stale") : t("notSaved")} />
        <input type="hidden" name="id" value={webhook.id} />
        <input type="hidden" name="expectedVersion" value={webhook.version} />
        <Field id="url" label={t("urlLabel")} hint={t("urlHint")} error={fields.url}>
          <TextInput id="url" name="url" type="url" defaultValue={webhook.url} hasHint error={fields.url} autoComplete="off" />
        </Field>
        <KindsFieldset selected={webhook.kinds} error={fields.kinds} />
        <div className="mb-5 flex items-start gap-2">
          <input type="checkbox" id="active" name="active" defaultChecked={webhook.active} className="mt-1 h-4 w-4" aria-describedby="active-hint" />
          <div>
            <label htmlFor="active" className="font-bold">
              {t("activeLabel")}
            </label>
            <p id="active-hint" className="text-sm text-base-dark">
              {t("activeHint")}
            </p>
          </div>
        </div>
        <Button type="submit" disabled={pending}>
          {t("saveSettings")}
        </Button>
        {state.status === "ok" && (
          <p role="status" className="mt-2 text-sm text-success-dark">
            {state.message}
          </p>
        )}
      </form>
    </section>
  );
}
