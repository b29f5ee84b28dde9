import { apiRoute } from "@/server/api/handler";
import { markNotificationsRead } from "@/server/notifications/mark-notifications-read";

export const POST = apiRoute(async (actor, { body }) => markNotificationsRead(actor, await body()));
