import { apiRoute } from "@/server/api/handler";
import { compareDocuments } from "@/server/loa/compare-documents";

export const GET = apiRoute<{ id: string }>(async (actor, { params, query }) => compareDocuments(actor, params.id, query));
