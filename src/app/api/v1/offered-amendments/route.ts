import { apiRoute } from "@/server/api/handler";
import { listOfferedAmendments } from "@/server/loa/list-offered-amendments";

export const GET = apiRoute(async (actor, { query }) => listOfferedAmendments(actor, query));
