import { apiRoute } from "@/server/api/handler";
import { addSdrAttachments } from "@/server/sdr/add-sdr-attachments";
import { getSdr } from "@/server/sdr/get-sdr";
import { readSdrUpload } from "@/server/sdr/read-sdr-upload";

type Params = { id: string; number: string };

export const GET = apiRoute<Params>(async (actor, { params }) => ({ items: (await getSdr(actor, params.id, params.number)).attachments }));
export const POST = apiRoute<Params>(
  async (actor, { params, request, context }) => addSdrAttachments(actor, params.id, params.number, await readSdrUpload(request), context),
  { status: 201 },
);
