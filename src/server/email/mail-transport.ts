import "server-only";
import nodemailer, { type Transporter } from "nodemailer";

/** What the sender needs of a transport: nodemailer's, or a stand-in. */
export type MailTransport = Pick<Transporter, "sendMail">;

const transports = new Map<string, Transporter>();

/**
 * A pooled nodemailer SMTP transport for `url`, one per URL per process. Short timeouts: the send job holds a row lock while
 * it talks to the relay, and an unreachable relay should cost seconds, not nodemailer's default minutes.
 */
export function mailTransport(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      // One kept-open connection, reused message after message: a backlog drains without a handshake per message.
      pool: true,
      maxConnections: 1,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as Parameters<typeof nodemailer.createTransport>[0]);
    transports.set(url, transport);
  }
  return transport;
}
