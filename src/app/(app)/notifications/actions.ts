"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/server/auth/actor";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";

export async function markAllReadAction(): Promise<void> {
  const actor = await requireActor();
  await markNotificationsRead(actor, { all: true });
  revalidatePath("/notifications");
}

export async function markReadAction(formData: FormData): Promise<void> {
  const actor = await requireActor();
  await markNotificationsRead(actor, { ids: [String(formData.get("id") ?? "")] });
  revalidatePath("/notifications");
}
