import { apiRoute } from "@/server/api/handler";
import { listSdrTasks } from "@/server/sdr/list-sdr-tasks";

export const GET = apiRoute(async (actor, { query }) => listSdrTasks(actor, query));
