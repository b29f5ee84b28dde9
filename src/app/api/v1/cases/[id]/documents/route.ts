import { apiRoute } from "@/server/api/handler";
import { listDocuments } from "@/server/loa/list-documents";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => ({ items: await listDocuments(actor, params.id) }));
