import { apiRoute } from "@/server/api/handler";
import { addSdrComment } from "@/server/sdr/add-sdr-comment";
import { getSdr } from "@/server/sdr/get-sdr";

export const GET = apiRoute<{ id: string; number: string }>(async (actor, { params }) => ({ items: (await getSdr(actor, params.id, params.number)).comments }));
export const POST = apiRoute<{ id: string; number: string }>(
  async (actor, { params, body, context }) => addSdrComment(actor, params.id, params.number, await body(), context),
  { status: 201 },
);
