import { apiRoute } from "@/server/api/handler";
import { listOffices } from "@/server/offices/list-offices";

export const GET = apiRoute(async (actor) => ({ items: await listOffices(actor) }));
