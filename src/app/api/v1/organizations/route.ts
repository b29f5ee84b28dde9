import { apiRoute } from "@/server/api/handler";
import { listOrganizations } from "@/server/organizations/list-organizations";

export const GET = apiRoute(async (actor, { query }) => ({ items: await listOrganizations(actor, query) }));
