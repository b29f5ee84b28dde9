"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { FormProblem } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/form";
import type { ActionState } from "@/server/action-result";
import { signInAction } from "./actions";

export function SignInForm() {
  const t = useTranslations("SignInForm");
  const [state, action, pending] = useActionState<ActionState, FormData>(signInAction, { status: "idle" });
  // Controlled so a failed attempt keeps the email (React resets uncontrolled fields after an action).
  const [email, setEmail] = useState("");
  const fields = state.status === "error" ? state.fields : undefined;
  return (
    <form action={action} noValidate className="space-y-2">
      <FormProblem state={state} title={t("failed")} testId="signin-error" />
      <Field id="email" label={t("email")} error={fields?.email}>
        <TextInput
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields?.email}
        />
      </Field>
      <Field id="password" label={t("password")} error={fields?.password}>
        <TextInput id="password" name="password" type="password" autoComplete="current-password" required error={fields?.password} />
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t("signingIn") : t("signIn")}
      </Button>
    </form>
  );
}
