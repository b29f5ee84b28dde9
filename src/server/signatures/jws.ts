// Ed25519 keys and flattened JWS signatures over decision statements, with node:crypto (ADR 0031). Free of
// `server-only` and `@/` imports: the case workflow's transaction (also run by the demo seed) signs through it, and
// unit tests call it directly. Any JOSE library verifies the result (jose's flattenedVerify with alg "Ed25519").
import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, randomBytes, sign, verify, type KeyObject } from "node:crypto";
import { canonicalJson } from "../../domain/audit-chain";
import { protectedHeaderOf, signingInput } from "../../domain/signatures/statement";

export interface PublicJwk {
  kty: "OKP";
  crv: "Ed25519";
  x: string;
}

/** RFC 7638 thumbprint: SHA-256 of the required members in lexicographic order, base64url. The key's id and fingerprint. */
export const jwkThumbprint = (jwk: PublicJwk): string =>
  createHash("sha256").update(canonicalJson({ crv: jwk.crv, kty: jwk.kty, x: jwk.x })).digest("base64url");

/** A new Ed25519 key pair: its public JWK, id, and the PKCS#8 private key sealed for storage. */
export function newSigningKey(): { kid: string; publicJwk: PublicJwk; privateKeyEnc: string } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const jwk = publicKey.export({ format: "jwk" }) as { x: string };
  const publicJwk: PublicJwk = { kty: "OKP", crv: "Ed25519", x: jwk.x };
  return { kid: jwkThumbprint(publicJwk), publicJwk, privateKeyEnc: sealPrivateKey(privateKey) };
}

// The private key is encrypted with AES-256-GCM under a key derived (HKDF-SHA256) from AUTH_SECRET with a purpose label
// of its own, as webhook secrets are (src/server/webhooks/secret-box.ts): a database copy alone signs nothing.
const VERSION = "v1";
/** Development and tests without AUTH_SECRET only: production refuses to start without one (scripts/serve.ts). */
const DEVELOPMENT_FALLBACK = "caseway-development-only-signing-key";
let cached: { source: string; key: Buffer } | undefined;

function boxKey(): Buffer {
  const source = process.env.AUTH_SECRET || (process.env.NODE_ENV === "production" ? "" : DEVELOPMENT_FALLBACK);
  if (!source) throw new Error("AUTH_SECRET is not set: signing keys cannot be sealed");
  if (cached?.source !== source) cached = { source, key: Buffer.from(hkdfSync("sha256", source, "caseway", "decision-signing-keys/v1", 32)) };
  return cached.key;
}

export function sealPrivateKey(privateKey: KeyObject): string {
  const der = privateKey.export({ format: "der", type: "pkcs8" });
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", boxKey(), iv);
  const ciphertext = Buffer.concat([cipher.update(der), cipher.final()]);
  return [VERSION, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ciphertext.toString("base64url")].join(":");
}

export function openPrivateKey(stored: string): KeyObject {
  const [version, iv, tag, ciphertext] = stored.split(":");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("unreadable signing key");
  const decipher = createDecipheriv("aes-256-gcm", boxKey(), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  const der = Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]);
  return createPrivateKey({ key: der, format: "der", type: "pkcs8" });
}

/** Signs the canonical statement text: the flattened JWS's protected header and signature (base64url). */
export function signStatement(statement: string, kid: string, privateKey: KeyObject): { protectedHeader: string; signature: string } {
  const protectedHeader = protectedHeaderOf(kid);
  const signature = sign(null, signingInput(protectedHeader, statement), privateKey).toString("base64url");
  return { protectedHeader, signature };
}

/** Whether `signature` is the Ed25519 signature of the statement under `jwk` (false on any malformed input). */
export function verifyStatement(statement: string, protectedHeader: string, signature: string, jwk: PublicJwk): boolean {
  try {
    const key = createPublicKey({ key: { ...jwk }, format: "jwk" });
    return verify(null, signingInput(protectedHeader, statement), key, Buffer.from(signature, "base64url"));
  } catch {
    return false;
  }
}
