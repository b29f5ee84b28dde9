import { apiRoute } from "@/server/api/handler";
import { getCaseAudit } from "@/server/cases/get-case-audit";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => getCaseAudit(actor, params.id));
