import { redirect } from "next/navigation";
import { requireActor } from "@/server/auth/actor";
import { openNotification } from "@/server/notifications/open-notification";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  redirect(await openNotification(actor, id).catch(() => "/notifications"));
}
