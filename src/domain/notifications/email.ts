// The e-mails Caseway sends (issue 15 §3), pure: one notice, or a day's digest, as plain accessible HTML and text.
// The subject names only the kind of event (NOTIFICATION_RULES[kind].subject): the notice's title — which carries the
// case identifier, the letter's reference or the policy key — appears in the body only, behind the reader's sign-in
// link. Links are absolute, to the app's own origin.
import { NOTIFICATION_GROUPS, NOTIFICATION_RULES, type NotificationGroup, type NotificationKind, type NotificationReason } from "./kinds";

export const DIGEST_SUBJECT = "Your Caseway daily digest";
export const PREFERENCES_PATH = "/profile/notifications";
/** Where a notice without a record of its own sends its reader. */
export const NOTIFICATIONS_PATH = "/notifications";

/** One notice as an e-mail shows it. `kind` is the preference kind (preferenceKindOf): what the reader chose by. */
export interface EmailNotice {
  kind: NotificationKind;
  reason: NotificationReason;
  title: string;
  /** The record's path in the app ("/cases/…"), or null. */
  link: string | null;
  occurredAt: Date;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The reader's words and formats for an e-mail: the server builds them from the reader's language catalogue and time
 * zone (src/server/email/email-words.ts); English in UTC is the default. Notice titles are written once, when the event
 * is dispatched, and keep the words they were written in.
 */
export interface EmailWords {
  lang: string;
  dir: "ltr" | "rtl";
  subject(kind: NotificationKind): string;
  kindLabel(kind: NotificationKind): string;
  group(group: NotificationGroup): string;
  reason(reason: NotificationReason): string;
  /** An instant, in the reader's zone with the zone named. */
  dateTime(at: Date): string;
  openInCaseway: string;
  pasteAddress: string;
  footer: string;
  footerLink: string;
  digestSubject: string;
  digestLead(count: number): string;
  /** A notice's title (written in English at dispatch) as the reader reads it. */
  noticeTitle(title: string): string;
}

const REASON_TEXT: Record<NotificationReason, string> = {
  action: "Your office has work on this record.",
  update: "A record you follow has changed.",
};

const utcEnglish = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short", timeZone: "UTC" });

export const ENGLISH_EMAIL_WORDS: EmailWords = {
  lang: "en",
  dir: "ltr",
  subject: (kind) => NOTIFICATION_RULES[kind].subject,
  kindLabel: (kind) => NOTIFICATION_RULES[kind].label,
  group: (group) => group,
  reason: (reason) => REASON_TEXT[reason],
  dateTime: (at) => utcEnglish.format(at),
  openInCaseway: "Open in Caseway",
  pasteAddress: "Or paste this address into your browser:",
  footer: "You receive this e-mail because of your Caseway notification settings.",
  footerLink: "Change how and when Caseway e-mails you",
  digestSubject: DIGEST_SUBJECT,
  digestLead: (count) => `${count === 1 ? "1 update" : `${count} updates`} since your last digest, newest first.`,
  noticeTitle: (title) => title,
};

/**
 * The app's own origin for links in e-mails: APP_URL, else the sign-in origin next-auth is given (AUTH_URL, or the
 * older NEXTAUTH_URL), else the development default. Any path or trailing slash is dropped.
 */
export function appBaseUrl(env: Readonly<Record<string, string | undefined>>): string {
  const configured = [env.APP_URL, env.AUTH_URL, env.NEXTAUTH_URL].find((value) => value && value.trim() !== "");
  if (configured) {
    try {
      return new URL(configured.trim()).origin;
    } catch {
      // A malformed setting falls through to the default rather than breaking every e-mail.
    }
  }
  return "http://localhost:3000";
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML element content and attribute values. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** An absolute URL on the app's origin; anything that is not a same-origin path falls back to the notifications page. */
export function absoluteLink(baseUrl: string, path: string | null): string {
  const safe = path && path.startsWith("/") && !path.startsWith("//") ? path : NOTIFICATIONS_PATH;
  return new URL(safe, baseUrl).toString();
}

function page(title: string, body: string, baseUrl: string, words: EmailWords): string {
  const preferences = absoluteLink(baseUrl, PREFERENCES_PATH);
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(words.lang)}" dir="${words.dir}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:24px;background:#ffffff;color:#1b1b1b;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">',
    '<main style="max-width:600px">',
    body,
    "</main>",
    '<footer style="max-width:600px;margin-top:32px;padding-top:16px;border-top:1px solid #dfe1e2;font-size:14px;color:#454545">',
    `<p>${escapeHtml(words.footer)} <a href="${escapeHtml(preferences)}" style="color:#005ea2">${escapeHtml(words.footerLink)}</a>.</p>`,
    "</footer>",
    "</body>",
    "</html>",
  ].join("\n");
}

const footerText = (baseUrl: string, words: EmailWords) => `--\n${words.footer} ${words.footerLink}: ${absoluteLink(baseUrl, PREFERENCES_PATH)}\n`;

const button = (href: string, label: string) =>
  `<p><a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 20px;background:#005ea2;color:#ffffff;font-weight:bold;text-decoration:underline">${escapeHtml(label)}</a></p>`;

/** The e-mail for one notice, sent at once. */
export function renderNoticeEmail(notice: EmailNotice, baseUrl: string, words: EmailWords = ENGLISH_EMAIL_WORDS): RenderedEmail {
  const subject = words.subject(notice.kind);
  const href = absoluteLink(baseUrl, notice.link);
  const html = page(
    subject,
    [
      `<h1 style="font-size:22px;margin:0 0 16px">${escapeHtml(subject)}</h1>`,
      `<p style="font-size:18px;font-weight:bold" dir="auto">${escapeHtml(words.noticeTitle(notice.title))}</p>`,
      `<p>${escapeHtml(words.reason(notice.reason))} ${escapeHtml(words.dateTime(notice.occurredAt))}.</p>`,
      button(href, words.openInCaseway),
      `<p style="font-size:14px">${escapeHtml(words.pasteAddress)} ${escapeHtml(href)}</p>`,
    ].join("\n"),
    baseUrl,
    words,
  );
  const text = [
    subject,
    "",
    words.noticeTitle(notice.title),
    "",
    `${words.reason(notice.reason)} ${words.dateTime(notice.occurredAt)}.`,
    "",
    `${words.openInCaseway}: ${href}`,
    "",
    footerText(baseUrl, words),
  ].join("\n");
  return { subject, text, html };
}

/** The digest's sections: by NOTIFICATION_GROUPS order, each newest first; empty groups left out. */
export function groupDigest(notices: readonly EmailNotice[]): { group: NotificationGroup; notices: EmailNotice[] }[] {
  return NOTIFICATION_GROUPS.map((group) => ({
    group,
    notices: notices
      .filter((n) => NOTIFICATION_RULES[n.kind].group === group)
      .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime()),
  })).filter((section) => section.notices.length > 0);
}

/** One e-mail with a day's held notices. */
export function renderDigestEmail(notices: readonly EmailNotice[], baseUrl: string, words: EmailWords = ENGLISH_EMAIL_WORDS): RenderedEmail {
  const sections = groupDigest(notices);
  const subject = words.digestSubject;
  const html = page(
    subject,
    [
      `<h1 style="font-size:22px;margin:0 0 8px">${escapeHtml(subject)}</h1>`,
      `<p>${escapeHtml(words.digestLead(notices.length))}</p>`,
      ...sections.map((section) =>
        [
          `<h2 style="font-size:18px;margin:24px 0 8px">${escapeHtml(words.group(section.group))}</h2>`,
          "<ul style=\"padding-inline-start:20px\">",
          ...section.notices.map(
            (n) =>
              `<li style="margin-bottom:8px"><a href="${escapeHtml(absoluteLink(baseUrl, n.link))}" style="color:#005ea2" dir="auto">${escapeHtml(words.noticeTitle(n.title))}</a><br><span style="font-size:14px;color:#454545">${escapeHtml(words.kindLabel(n.kind))} · ${escapeHtml(words.dateTime(n.occurredAt))}</span></li>`,
          ),
          "</ul>",
        ].join("\n"),
      ),
      button(absoluteLink(baseUrl, NOTIFICATIONS_PATH), words.openInCaseway),
    ].join("\n"),
    baseUrl,
    words,
  );
  const text = [
    subject,
    "",
    words.digestLead(notices.length),
    ...sections.flatMap((section) => [
      "",
      words.group(section.group).toLocaleUpperCase(words.lang),
      ...section.notices.map((n) => `- ${words.noticeTitle(n.title)}\n  ${words.kindLabel(n.kind)} · ${words.dateTime(n.occurredAt)}\n  ${absoluteLink(baseUrl, n.link)}`),
    ]),
    "",
    `${words.openInCaseway}: ${absoluteLink(baseUrl, NOTIFICATIONS_PATH)}`,
    "",
    footerText(baseUrl, words),
  ].join("\n");
  return { subject, text, html };
}
