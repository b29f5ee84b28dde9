import { apiRoute } from "@/server/api/handler";
import { listLorEvents } from "@/server/lors/list-lor-events";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => ({ items: await listLorEvents(actor, params.id) }));
