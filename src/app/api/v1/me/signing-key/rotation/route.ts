import { apiRoute } from "@/server/api/handler";
import { rotateOwnSigningKey } from "@/server/signatures/rotate-own-signing-key";

/** Rotate your signing key (ADR 0031): the old key keeps verifying its signatures; the new one signs from now on. */
export const POST = apiRoute(async (actor, { context }) => rotateOwnSigningKey(actor, context));
