import { apiRoute } from "@/server/api/handler";
import { listCases } from "@/server/cases/list-cases";

export const GET = apiRoute(async (actor, { query }) => listCases(actor, query));
