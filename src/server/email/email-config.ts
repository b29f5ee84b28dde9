import "server-only";
import { createHash } from "node:crypto";
import { appBaseUrl } from "@/domain/notifications/email";

// Where e-mail goes and how it is addressed. SMTP_URL names the relay (smtp://host:port, smtps:// for TLS, with
// user:password@ when it needs them); `npm run dev` and `npm start` on the embedded database start a local mail catcher
// and set it (scripts/serve.ts). EMAIL_FROM is the sender; APP_URL (else AUTH_URL / NEXTAUTH_URL) the origin of links.

/** The app's origin for links in e-mails. */
export const appOrigin = () => appBaseUrl(process.env);

export const smtpUrl = (): string | null => process.env.SMTP_URL?.trim() || null;

export function emailFrom(): string {
  const configured = process.env.EMAIL_FROM?.trim();
  if (configured) return configured;
  return `Caseway <no-reply@${new URL(appOrigin()).hostname}>`;
}

/**
 * The Message-ID of an e-mail, derived from its dedupe key: a re-send after a crash (sent, but the crash came before
 * SENT was recorded) carries the same id, so mail systems and people can recognise it as the same message.
 */
export function messageIdFor(dedupeKey: string): string {
  const digest = createHash("sha256").update(dedupeKey).digest("hex").slice(0, 32);
  return `<caseway.${digest}@${new URL(appOrigin()).hostname}>`;
}

/** The dedupe key of one notice's e-mail, and of a person's digest for a UTC day. */
export const noticeEmailKey = (notificationId: bigint | string) => `notice:${notificationId}`;
export const digestEmailKey = (userId: string, day: Date) => `digest:${userId}:${day.toISOString().slice(0, 10)}`;

/** The notification a notice e-mail's key names, or null for a digest. */
export function notificationIdOfKey(dedupeKey: string): bigint | null {
  const match = /^notice:(\d+)$/.exec(dedupeKey);
  return match ? BigInt(match[1]!) : null;
}
