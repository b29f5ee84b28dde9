import { apiRoute } from "@/server/api/handler";
import { listAuditEvents } from "@/server/audit-log/list-audit-events";

export const GET = apiRoute(async (actor, { query }) => listAuditEvents(actor, query));
