import { apiRoute } from "@/server/api/handler";
import { listOwnSigningKeys } from "@/server/signatures/own-signing-keys";

/** Your signing keys, newest first: the one in use, and those rotated or revoked (ADR 0031). */
export const GET = apiRoute(async (actor) => listOwnSigningKeys(actor));
