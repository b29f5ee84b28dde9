"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import { SignInInput } from "@/domain/schemas/auth";
import { formObject, type ActionState } from "@/server/action-result";
import { fieldErrorsFrom } from "@/server/errors";
import { signIn } from "@/server/auth/next-auth";

export async function signInAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const t = await getTranslations("SignInErrors");
  const parsed = SignInInput.safeParse(formObject(form));
  if (!parsed.success) {
    return { status: "error", message: t("missing"), fields: fieldErrorsFrom(parsed.error) };
  }
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: "/" });
    return { status: "ok", message: t("signedIn") };
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code.startsWith("throttled")) {
      // Delays are per account and address, with ceilings per account and per address (ADR 0023); the message names
      // none of them, so it neither blames the wrong one nor says whether the account exists.
      const minutes = Math.max(1, Number(error.code.split(":")[1]) || 1);
      return {
        status: "error",
        message: t("throttled", { minutes }),
      };
    }
    if (error instanceof AuthError) {
      return { status: "error", message: t("incorrect") };
    }
    throw error; // the redirect after a successful sign-in
  }
}
