// A local mail catcher for development and the end-to-end tests (issue 15 §3): MailDev (ADR 0029) takes every message
// on an SMTP port and shows it in a web inbox, with a REST API (GET /api/email) tests read mail from. Only ever bound
// to 127.0.0.1. Started by scripts/serve.ts when no SMTP_URL is configured.

export interface MailCatcher {
  /** What the app sends to: SMTP_URL. */
  smtpUrl: string;
  /** The inbox in a browser; its REST API is under /api/email. */
  inboxUrl: string;
  stop(): Promise<void>;
}

export async function startMailCatcher({ smtpPort, webPort }: { smtpPort: number; webPort: number }): Promise<MailCatcher> {
  // MailDev is a development dependency: a production install (npm ci --omit=dev) has none and sets SMTP_URL.
  const { MailDev } = await import("maildev");
  const maildev = new MailDev({ smtp: smtpPort, ip: "127.0.0.1", web: webPort, webIp: "127.0.0.1", silent: true, maxEmails: 1000 });
  await maildev.start();
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    inboxUrl: `http://127.0.0.1:${webPort}/`,
    stop: () => maildev.stop(),
  };
}
