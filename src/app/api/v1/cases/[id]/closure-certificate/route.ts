import { apiRoute } from "@/server/api/handler";
import { certificateResponse, getClosureCertificate } from "@/server/closure/get-closure-certificate";

export const GET = apiRoute<{ id: string }>(async (actor, { params }) => certificateResponse(await getClosureCertificate(actor, params.id)));
