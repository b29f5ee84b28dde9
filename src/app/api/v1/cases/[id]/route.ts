import { apiRoute } from "@/server/api/handler";
import { getCase } from "@/server/cases/get-case";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => getCase(actor, params.id));
