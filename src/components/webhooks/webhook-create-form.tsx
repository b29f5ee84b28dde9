"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/form";
import type { ActionState } from "@/server/action-result";
import { KindsFieldset } from "./kinds-fieldset";
import { SecretOnce } from "./secret-once";

type Created = { id: string; secret: string };

export function WebhookCreateForm({
  action,
  organizationId,
}: {
  action: (previous: ActionState<Created>, form: FormData) => Promise<ActionState<Created>>;
  organizationId?: string;
}) {
  const t = useTranslations("WebhooksForm");
  const [state, formAction, pending] = useActionState<ActionState<Created>, FormData>(action, { status: "idle" });
  if (state.status === "ok" && state.data) {
    return (
      <div>
        <SecretOnce secret={state.data.secret} message={state.message} />
        <Link href={`/webhooks/${state.data.id}`}>{t("goToWebhook")}</Link>
      </div>
    );
  }
  const fields = state.status === "error" ? (state.fields ?? {}) : {};
  return (
    <form action={formAction} noValidate className="max-w-3xl">
      <FormProblem state={state} title={t("notSaved")} />
      {organizationId && <input type="hidden" name="organizationId" value={organizationId} />}
      <Field id="url" label={t("urlLabel")} hint={t("urlHint")} error={fields.url}>
        <TextInput id="url" name="url" type="url" required hasHint error={fields.url} placeholder="https://" autoComplete="off" />
      </Field>
      <KindsFieldset error={fields.kinds} />
      <Button type="submit" disabled={pending}>
        {t("saveWebhook")}
      </Button>
    </form>
  );
}
