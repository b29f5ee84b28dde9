import { apiRoute } from "@/server/api/handler";
import { listPolicyImpact } from "@/server/policy/get-policy-change";
import { recomputePolicyImpact } from "@/server/policy/recompute-policy-impact";

export const GET = apiRoute<{ id: string }>(async (actor, { params, query }) => listPolicyImpact(actor, params.id, query));
export const POST = apiRoute<{ id: string }>(async (actor, { params }) => recomputePolicyImpact(actor, params.id));
