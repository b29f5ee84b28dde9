import { apiRoute } from "@/server/api/handler";
import { getOrganization } from "@/server/organizations/get-organization";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => getOrganization(actor, params.id));
