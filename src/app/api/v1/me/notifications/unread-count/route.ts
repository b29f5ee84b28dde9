import { apiRoute } from "@/server/api/handler";
import { countUnread } from "@/server/notifications/list-notifications";

export const GET = apiRoute(async (actor) => ({ unreadCount: await countUnread(actor) }));
