import { apiRoute } from "@/server/api/handler";
import { getLorAttachment } from "@/server/lors/get-lor-attachment";
import { removeLorAttachment } from "@/server/lors/remove-lor-attachment";
import { attachmentResponse } from "@/server/lors/attachment-response";

type Params = { id: string; attachmentId: string };

export const GET = apiRoute<Params>(async (actor, { params }) =>
  attachmentResponse(await getLorAttachment(actor, params.id, params.attachmentId)),
);
export const DELETE = apiRoute<Params>(async (actor, { params, context }) =>
  removeLorAttachment(actor, params.id, params.attachmentId, context),
);
