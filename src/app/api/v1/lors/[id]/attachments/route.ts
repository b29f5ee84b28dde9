import { apiRoute } from "@/server/api/handler";
import { addLorAttachment } from "@/server/lors/add-lor-attachment";
import { getLor } from "@/server/lors/get-lor";
import { readUpload } from "@/server/lors/read-upload";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => ({ items: (await getLor(actor, params.id)).attachments }));
export const POST = apiRoute<{ id: string }>(
  async (actor, { params, request, context }) => {
    const { meta, file } = await readUpload(request);
    return addLorAttachment(actor, params.id, meta, file, context);
  },
  { status: 201 },
);
