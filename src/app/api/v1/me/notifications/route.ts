import { apiRoute } from "@/server/api/handler";
import { listNotifications } from "@/server/notifications/list-notifications";

export const GET = apiRoute(async (actor, { query }) => listNotifications(actor, query));
