import { apiRoute } from "@/server/api/handler";
import { getPurchaseTimeline } from "@/server/cases/get-purchase-timeline";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => getPurchaseTimeline(actor, params.id));
