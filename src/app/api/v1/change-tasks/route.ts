import { apiRoute } from "@/server/api/handler";
import { listChangeTasks } from "@/server/loa/list-change-tasks";

export const GET = apiRoute(async (actor, { query }) => listChangeTasks(actor, query));
