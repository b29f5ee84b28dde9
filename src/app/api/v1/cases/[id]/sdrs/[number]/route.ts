import { apiRoute } from "@/server/api/handler";
import { getSdr } from "@/server/sdr/get-sdr";

export const GET = apiRoute<{ id: string; number: string }>(async (actor, { params }) => getSdr(actor, params.id, params.number));
