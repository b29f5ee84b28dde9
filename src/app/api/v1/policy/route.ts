import { apiRoute } from "@/server/api/handler";
import { listPolicySeries } from "@/server/policy/list-policy";

export const GET = apiRoute(async (actor) => ({ items: await listPolicySeries(actor) }));
