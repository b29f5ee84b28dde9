import { apiRoute } from "@/server/api/handler";
import { openLiveStream } from "@/server/live/open-live-stream";

// A stream stays open: never prerendered or cached.
export const dynamic = "force-dynamic";

export const GET = apiRoute(async (actor, { request, query }) => openLiveStream(actor, { case: query.case }, request.signal));
