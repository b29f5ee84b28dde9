import { apiRoute } from "@/server/api/handler";
import { attachmentResponse } from "@/server/lors/attachment-response";
import { getSdrAttachment } from "@/server/sdr/get-sdr-attachment";

type Params = { id: string; number: string; attachmentId: string };

export const GET = apiRoute<Params>(async (actor, { params }) =>
  attachmentResponse(await getSdrAttachment(actor, params.id, params.number, params.attachmentId)),
);
