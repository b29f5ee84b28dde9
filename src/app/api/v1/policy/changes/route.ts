import { apiRoute } from "@/server/api/handler";
import { listPolicyChanges } from "@/server/policy/get-policy-change";
import { proposePolicyChange } from "@/server/policy/propose-policy-change";

export const GET = apiRoute(async (actor, { query }) => listPolicyChanges(actor, query));
export const POST = apiRoute(async (actor, { body, context }) => proposePolicyChange(actor, await body(), context), { status: 201 });
