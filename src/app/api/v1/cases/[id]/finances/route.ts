import { apiRoute } from "@/server/api/handler";
import { getCaseFinances } from "@/server/finance/get-case-finances";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => getCaseFinances(actor, params.id));
