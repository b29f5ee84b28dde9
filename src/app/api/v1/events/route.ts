import { apiRoute } from "@/server/api/handler";
import { listEvents } from "@/server/notifications/list-events";

export const GET = apiRoute(async (actor, { query }) => listEvents(actor, query));
