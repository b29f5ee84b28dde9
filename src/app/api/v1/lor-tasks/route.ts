import { apiRoute } from "@/server/api/handler";
import { listLorTasks } from "@/server/lors/list-lor-tasks";

export const GET = apiRoute(async (actor, { query }) => listLorTasks(actor, query));
