import { apiRoute } from "@/server/api/handler";
import { fileSdr } from "@/server/sdr/file-sdr";
import { listCaseSdrs } from "@/server/sdr/list-case-sdrs";

export const GET = apiRoute<{ id: string }>(async (actor, { params, query }) => listCaseSdrs(actor, params.id, query));
// Filing is JSON; photos and documents follow on POST …/sdrs/{number}/attachments.
export const POST = apiRoute<{ id: string }>(async (actor, { params, body, context }) => fileSdr(actor, params.id, await body(), [], context), {
  status: 201,
});
