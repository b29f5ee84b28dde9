import { apiRoute } from "@/server/api/handler";
import { getPolicySeries } from "@/server/policy/list-policy";

export const GET = apiRoute<{ key: string }>(async (actor, { params }) => getPolicySeries(actor, params.key));
