"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { isLocale } from "@/i18n/config";
import { formObject, runAction, type ActionState } from "@/server/action-result";
import { currentActor, requireActor } from "@/server/auth/actor";
import { requestContext } from "@/server/request-context";
import { applyDisplayPreferences, setLocaleCookie } from "@/server/users/display-cookies";
import { updateDisplayPreferences } from "@/server/users/display-preferences";

/** The header's and footer's language menu: for this browser, and remembered on the account when signed in. */
export async function chooseLocaleAction(form: FormData): Promise<void> {
  const locale = String(form.get("locale") ?? "");
  if (!isLocale(locale)) return;
  const actor = await currentActor();
  if (actor) await updateDisplayPreferences(actor, { locale }, await requestContext());
  await setLocaleCookie(locale);
  revalidatePath("/", "layout");
}

/** The profile's language and time zone. */
export async function saveDisplayPreferencesAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    const saved = await updateDisplayPreferences(actor, formObject(form), await requestContext());
    await applyDisplayPreferences(saved);
    revalidatePath("/", "layout");
    // Said in the language just chosen.
    const t = saved.locale ? await getTranslations({ locale: saved.locale, namespace: "Profile" }) : await getTranslations("Profile");
    return { message: t("displaySaved") };
  });
}
