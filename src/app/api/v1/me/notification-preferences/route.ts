import { apiRoute } from "@/server/api/handler";
import { getNotificationPreferences } from "@/server/notifications/get-notification-preferences";
import { updateNotificationPreferences } from "@/server/notifications/update-notification-preferences";

export const GET = apiRoute(async (actor) => getNotificationPreferences(actor));
export const PUT = apiRoute(async (actor, { body, context }) => updateNotificationPreferences(actor, await body(), context));
