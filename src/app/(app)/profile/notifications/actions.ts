"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { formObject, runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { updateNotificationPreferences } from "@/server/notifications/update-notification-preferences";
import { requestContext } from "@/server/request-context";

export async function saveNotificationPreferencesAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  return runAction(async () => {
    const actor = await requireActor();
    await updateNotificationPreferences(actor, { preferences: formObject(form) }, await requestContext());
    revalidatePath("/profile/notifications");
    const t = await getTranslations("NoticesPreferences");
    return { message: t("saved") };
  });
}
