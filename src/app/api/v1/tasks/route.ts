import { apiRoute } from "@/server/api/handler";
import { listMyTasks } from "@/server/cases/list-my-tasks";

export const GET = apiRoute(async (actor, { query }) => listMyTasks(actor, query));
