import { apiRoute } from "@/server/api/handler";
import { getPolicyChange } from "@/server/policy/get-policy-change";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => getPolicyChange(actor, params.id));
