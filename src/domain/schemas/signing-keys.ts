import { z } from "zod";
import { plainText } from "./common";

const Instant = z.iso.datetime();

// A person's keys for signing binding decisions (ADR 0031): listed on the profile and in the API, rotated or revoked
// by their owner.

export const SigningKeyView = z
  .object({
    kid: z.string().meta({ description: "The key's id: its RFC 7638 thumbprint, the fingerprint printed on LOAs" }),
    createdAt: Instant,
    retiredAt: Instant.nullable().meta({ description: "When it stopped signing (rotated or revoked); it keeps verifying what it signed" }),
    revokedAt: Instant.nullable().meta({ description: "When it was revoked: signatures dated from then on do not verify" }),
    revokedReason: z.string().nullable(),
    current: z.boolean().meta({ description: "Whether it signs your next decision" }),
  })
  .meta({ id: "SigningKey" });
export type SigningKeyView = z.infer<typeof SigningKeyView>;

export const SigningKeyList = z.object({ items: z.array(SigningKeyView) }).meta({ id: "SigningKeyList" });

export const RevokeSigningKeyInput = z
  .object({
    kid: z.string({ error: "Choose the key to revoke" }).min(1, { error: "Choose the key to revoke" }).max(64),
    reason: plainText("Reason", { min: 5, max: 500 }),
  })
  .strict()
  .meta({ id: "RevokeSigningKeyInput" });
