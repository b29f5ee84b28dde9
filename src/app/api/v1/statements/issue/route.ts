import { apiRoute } from "@/server/api/handler";
import { issueStatements } from "@/server/finance/issue-statements";

export const POST = apiRoute(async (actor, { context }) => issueStatements(actor, context));
