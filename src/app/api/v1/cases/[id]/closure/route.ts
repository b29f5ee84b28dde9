import { apiRoute } from "@/server/api/handler";
import { getClosureReadiness } from "@/server/closure/get-closure-readiness";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => getClosureReadiness(actor, params.id));
