import { apiRoute } from "@/server/api/handler";
import { listCaseEvents } from "@/server/cases/list-case-events";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => ({ items: await listCaseEvents(actor, params.id) }));
