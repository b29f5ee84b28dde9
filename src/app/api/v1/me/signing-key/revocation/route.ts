import { apiRoute } from "@/server/api/handler";
import { revokeOwnSigningKey } from "@/server/signatures/own-signing-keys";

/** Revoke one of your signing keys (compromised): signatures dated from now on with it no longer verify (ADR 0031). */
export const POST = apiRoute(async (actor, { body, context }) => revokeOwnSigningKey(actor, await body(), context));
