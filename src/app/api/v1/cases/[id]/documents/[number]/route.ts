import { apiRoute } from "@/server/api/handler";
import { getDocument } from "@/server/loa/get-document";

export const GET = apiRoute<{ id: string; number: string }>(async (actor, { params }) => getDocument(actor, params.id, params.number));
