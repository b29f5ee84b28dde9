import { apiRoute } from "@/server/api/handler";
import { getCaseExecution } from "@/server/execution/get-case-execution";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => getCaseExecution(actor, params.id));
