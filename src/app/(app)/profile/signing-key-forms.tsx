"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Alert, FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, Select, Textarea } from "@/components/ui/form";
import type { ActionState } from "@/server/action-result";
import { revokeSigningKeyAction, rotateSigningKeyAction } from "./actions";

/** Rotating: the key in use retires (it keeps verifying what it signed) and a new one signs from now on. */
export function RotateSigningKeyForm() {
  const t = useTranslations("Profile");
  const [state, action, pending] = useActionState<ActionState, FormData>(rotateSigningKeyAction, { status: "idle" });
  return (
    <form action={action} className="mt-4" data-testid="rotate-key-form">
      {state.status === "ok" && (
        <div className="mb-3">
          <Alert type="success" title={state.message} testId="key-rotated" />
        </div>
      )}
      <FormProblem state={state} title={t("keyNotRotated")} testId="key-rotate-error" />
      <p className="mb-2 text-sm text-base-dark">{t("rotateHint")}</p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("rotateKey")}
      </Button>
    </form>
  );
}

/** Revoking: for a key that may be compromised; signatures dated from now on with it no longer verify. */
export function RevokeSigningKeyForm({ keys }: { keys: { kid: string; label: string }[] }) {
  const t = useTranslations("Profile");
  const [state, action, pending] = useActionState<ActionState, FormData>(revokeSigningKeyAction, { status: "idle" });
  const fields = state.status === "error" ? state.fields : undefined;
  if (keys.length === 0) return null;
  return (
    <details className="mt-4 rounded border border-base-lighter p-3" data-testid="revoke-key">
      <summary className="cursor-pointer font-bold text-primary">{t("revokeSummary")}</summary>
      {state.status === "ok" && (
        <div className="my-3">
          <Alert type="success" title={state.message} testId="key-revoked" />
        </div>
      )}
      <FormProblem state={state} title={t("keyNotRevoked")} testId="key-revoke-error" />
      <p className="my-2 text-sm">{t("revokeHint")}</p>
      <form action={action} noValidate>
        <Field id="revoke-kid" label={t("revokeWhich")} error={fields?.kid}>
          <Select id="revoke-kid" name="kid" defaultValue={keys[0]!.kid} error={fields?.kid}>
            {keys.map((key) => (
              <option key={key.kid} value={key.kid}>
                {key.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="revoke-reason" label={t("revokeReason")} hint={t("revokeReasonHint")} error={fields?.reason}>
          <Textarea id="revoke-reason" name="reason" maxLength={500} hasHint error={fields?.reason} />
        </Field>
        <Button type="submit" variant="danger" disabled={pending}>
          {t("revokeKey")}
        </Button>
      </form>
    </details>
  );
}
