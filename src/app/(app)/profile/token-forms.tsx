"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert, FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/form";
import type { ActionState } from "@/server/action-result";
import { createTokenAction, revokeTokenAction } from "./actions";

export function CreateTokenForm() {
  const t = useTranslations("Profile");
  const [state, action, pending] = useActionState<ActionState<{ secret: string; name: string }>, FormData>(
    createTokenAction,
    { status: "idle" },
  );
  const fields = state.status === "error" ? state.fields : undefined;
  return (
    <div>
      {state.status === "ok" && state.data && (
        <div className="mb-4">
          <Alert type="success" title={state.message} testId="token-created">
            <p>{t("copyTokenNow")}</p>
            <code className="mt-2 block break-all bg-white p-2 font-mono text-sm" data-testid="token-secret">
              {state.data.secret}
            </code>
          </Alert>
        </div>
      )}
      <FormProblem state={state} title={t("tokenNotCreated")} testId="token-error" />
      <form action={action} noValidate className="flex flex-wrap items-end gap-x-4">
        <Field id="token-name" label={t("tokenNameLabel")} hint={t("tokenNameHint")} error={fields?.name}>
          <TextInput id="token-name" name="name" maxLength={80} hasHint error={fields?.name} />
        </Field>
        <Field id="token-expiry" label={t("tokenExpiryLabel")} hint={t("tokenExpiryHint")} error={fields?.expiresInDays}>
          <TextInput id="token-expiry" name="expiresInDays" inputMode="numeric" defaultValue="90" hasHint error={fields?.expiresInDays} />
        </Field>
        <div className="mb-5">
          <Button type="submit" disabled={pending}>
            {t("createToken")}
          </Button>
        </div>
      </form>
    </div>
  );
}

export function RevokeTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const t = useTranslations("Profile");
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeTokenAction, { status: "idle" });
  return (
    <form action={action}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <Button type="submit" variant="unstyled" disabled={pending} aria-label={t("revokeTokenNamed", { name })}>
        {t("revokeToken")}
      </Button>
      {state.status === "error" && <span className="ms-2 text-sm text-error-dark">{state.message}</span>}
    </form>
  );
}
