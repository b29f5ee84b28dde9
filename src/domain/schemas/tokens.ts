import { z } from "zod";
import { plainText, wholeNumber } from "./common";

export const CreateApiTokenInput = z
  .object({
    name: plainText("Token name", { max: 80 }),
    expiresInDays: wholeNumber("Expiry", { min: 1, max: 365, fallback: 90, unit: "day" }),
  })
  .strict()
  .meta({ id: "CreateApiTokenInput", description: "A personal API token. The secret is returned once." });
export type CreateApiTokenInput = z.infer<typeof CreateApiTokenInput>;

export const ApiTokenView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string(),
    createdAt: z.iso.datetime(),
    lastUsedAt: z.iso.datetime().nullable(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: "ApiToken" });
export type ApiTokenView = z.infer<typeof ApiTokenView>;

export const CreatedApiToken = ApiTokenView.extend({
  secret: z.string().meta({ description: "Shown only in this response. Send it as `Authorization: Bearer <secret>`." }),
}).meta({ id: "CreatedApiToken" });
