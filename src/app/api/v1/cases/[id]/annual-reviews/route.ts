import { apiRoute } from "@/server/api/handler";
import { completeAnnualReview } from "@/server/closure/complete-annual-review";

export const POST = apiRoute<{ id: string }>(
  async (actor, { params, body, context }) => completeAnnualReview(actor, params.id, await body(), context),
  { status: 201 },
);
