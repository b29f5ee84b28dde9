import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/env";

// Webhook signing secrets must be readable again to sign each delivery, so unlike API tokens they cannot be stored as a
// hash: they are encrypted with AES-256-GCM under a key derived (HKDF-SHA256) from AUTH_SECRET, with a purpose label of
// its own so the key is never the one next-auth signs sessions with. A database copy alone does not reveal a secret.

const VERSION = "v1";
/** Development and tests without AUTH_SECRET only: production refuses to start without one (scripts/serve.ts). */
const DEVELOPMENT_FALLBACK = "caseway-development-only-webhook-key";

let cached: { source: string; key: Buffer } | undefined;

function key(): Buffer {
  const e = env();
  const source = process.env.AUTH_SECRET || e.AUTH_SECRET || (e.NODE_ENV === "production" ? "" : DEVELOPMENT_FALLBACK);
  if (!source) throw new Error("AUTH_SECRET is not set: webhook secrets cannot be encrypted");
  if (cached?.source !== source) {
    cached = { source, key: Buffer.from(hkdfSync("sha256", source, "caseway", "webhook-signing-secrets/v1", 32)) };
  }
  return cached.key;
}

/** "whsec_" and 32 random bytes: the secret a receiver verifies signatures with. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString("base64url")}`;

export function encryptSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(":");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, ciphertext] = stored.split(":");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("unreadable webhook secret");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
}
