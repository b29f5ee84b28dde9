import { apiRoute } from "@/server/api/handler";
import { getDashboard } from "@/server/insight/get-dashboard";

export const GET = apiRoute(async (actor, { query }) => getDashboard(actor, query));
