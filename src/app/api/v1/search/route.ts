import { apiRoute } from "@/server/api/handler";
import { searchEverything } from "@/server/full-text-search/search-everything";

export const GET = apiRoute(async (actor, { query }) => searchEverything(actor, query));
