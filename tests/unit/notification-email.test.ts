// The e-mails (issue 15 §3): escaped HTML with the parts a reader and a screen reader need, absolute links to the
// app, subjects that name only the kind of event, and a digest grouped in the page's order, newest first.
import { describe, expect, it } from "vitest";
import {
  DIGEST_SUBJECT,
  absoluteLink,
  appBaseUrl,
  escapeHtml,
  groupDigest,
  renderDigestEmail,
  renderNoticeEmail,
  type EmailNotice,
} from "@/domain/notifications/email";
import { NOTIFICATION_KINDS, NOTIFICATION_RULES } from "@/domain/notifications/kinds";

const BASE = "https://caseway.example.mil";
const at = (iso: string) => new Date(iso);

const notice = (overrides: Partial<EmailNotice> = {}): EmailNotice => ({
  kind: "offer-issued",
  reason: "update",
  title: "FR-D-SAA: LOA offered to the partner",
  link: "/cases/0b9a1c1e-5f7e-4a57-8a53-1d2f3c4b5a69",
  occurredAt: at("2026-12-05T14:30:00Z"),
  ...overrides,
});

describe("one notice's e-mail", () => {
  it("is a complete, accessible page: language, heading, the title, an absolute link and the preferences footer", () => {
    const email = renderNoticeEmail(notice(), BASE);
    expect(email.subject).toBe("An LOA is offered for your acceptance");
    expect(email.html).toContain('<html lang="en" dir="ltr">');
    expect(email.html).toMatch(/<h1[^>]*>An LOA is offered for your acceptance<\/h1>/);
    expect(email.html).toContain("FR-D-SAA: LOA offered to the partner");
    expect(email.html).toContain(`href="${BASE}/cases/0b9a1c1e-5f7e-4a57-8a53-1d2f3c4b5a69"`);
    expect(email.html).toContain(">Open in Caseway</a>");
    expect(email.html).toContain(`href="${BASE}/profile/notifications"`);
    expect(email.text).toContain("FR-D-SAA: LOA offered to the partner");
    expect(email.text).toContain(`Open in Caseway: ${BASE}/cases/0b9a1c1e-5f7e-4a57-8a53-1d2f3c4b5a69`);
    expect(email.text).toContain(`${BASE}/profile/notifications`);
  });

  it("escapes everything it takes from records, in text and in attributes", () => {
    const email = renderNoticeEmail(notice({ title: `<script>alert("x")</script> & 'quotes'`, link: `/cases/1"><img src=x>` }), BASE);
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;");
    expect(email.html).not.toContain('"><img');
    // The text body is plain text: the title as written.
    expect(email.text).toContain(`<script>alert("x")</script> & 'quotes'`);
  });

  it("links a notice without a record of its own to the notifications page, never to another origin", () => {
    expect(absoluteLink(BASE, null)).toBe(`${BASE}/notifications`);
    expect(absoluteLink(BASE, "//evil.example/x")).toBe(`${BASE}/notifications`);
    expect(absoluteLink(BASE, "https://evil.example/x")).toBe(`${BASE}/notifications`);
  });

  it.each(NOTIFICATION_KINDS)("%s: the subject is the kind's and never contains the notice's title", (kind) => {
    const title = "SA-B-ZZZ Letter LOR-2026-17 FMF 12,500,000.00 F-16 spares Saudi Arabia";
    const email = renderNoticeEmail(notice({ kind, title }), BASE);
    expect(email.subject).toBe(NOTIFICATION_RULES[kind].subject);
    expect(email.subject).not.toContain("SA-B-ZZZ");
    expect(email.subject).not.toMatch(/\d/); // no identifier, reference or amount
    expect(email.html).toContain(escapeHtml(title));
  });
});

describe("the app's origin for links", () => {
  it("prefers APP_URL, then AUTH_URL, then NEXTAUTH_URL, and defaults to localhost:3000", () => {
    expect(appBaseUrl({ APP_URL: "https://a.example/app/", AUTH_URL: "https://b.example" })).toBe("https://a.example");
    expect(appBaseUrl({ AUTH_URL: "https://b.example/api/auth", NEXTAUTH_URL: "https://c.example" })).toBe("https://b.example");
    expect(appBaseUrl({ NEXTAUTH_URL: "https://c.example" })).toBe("https://c.example");
    expect(appBaseUrl({ APP_URL: "" })).toBe("http://localhost:3000");
    expect(appBaseUrl({ APP_URL: "not a url" })).toBe("http://localhost:3000");
  });
});

describe("the daily digest", () => {
  const notices: EmailNotice[] = [
    notice({ kind: "shipment-sent", title: "Shipment older", occurredAt: at("2026-12-04T08:00:00Z") }),
    notice({ kind: "task-assigned", reason: "action", title: "Action needed — work", occurredAt: at("2026-12-04T09:00:00Z") }),
    notice({ kind: "shipment-received", title: "Shipment newer", occurredAt: at("2026-12-05T08:00:00Z") }),
    notice({ kind: "deposit-recorded", title: "Deposit <b>", occurredAt: at("2026-12-05T07:00:00Z") }),
  ];

  it("groups by the page's groups in their order, newest first within each", () => {
    const sections = groupDigest(notices);
    expect(sections.map((s) => s.group)).toEqual(["Your work", "Money", "Deliveries"]);
    expect(sections[2]!.notices.map((n) => n.title)).toEqual(["Shipment newer", "Shipment older"]);
  });

  it("is one e-mail with every notice, its own subject, and escaped titles", () => {
    const email = renderDigestEmail(notices, BASE);
    expect(email.subject).toBe(DIGEST_SUBJECT);
    expect(email.html).toContain('<html lang="en" dir="ltr">');
    for (const title of ["Shipment older", "Action needed — work", "Shipment newer"]) {
      expect(email.html).toContain(title);
      expect(email.text).toContain(title);
    }
    expect(email.html).toContain("Deposit &lt;b&gt;");
    expect(email.html.indexOf("Your work")).toBeLessThan(email.html.indexOf("Money"));
    expect(email.html.indexOf("Shipment newer")).toBeLessThan(email.html.indexOf("Shipment older"));
    expect(email.text).toContain("4 updates");
    expect(email.html).toContain(`href="${BASE}/profile/notifications"`);
  });
});

describe("an e-mail in the reader's language and zone", () => {
  it("is in French with Paris time for a French reader, and right to left in Arabic with Riyadh time; the subject still names only the kind", async () => {
    const { emailWordsFor } = await import("@/server/email/email-words");
    const french = renderNoticeEmail(notice(), BASE, emailWordsFor({ locale: "fr", timeZone: "Europe/Paris" }));
    expect(french.html).toContain('<html lang="fr" dir="ltr">');
    expect(french.subject).not.toBe("An LOA is offered for your acceptance");
    expect(french.subject).not.toContain("FR-D-SAA");
    // 14:30 UTC is 15:30 in Paris in December, and the zone is named.
    expect(french.text).toMatch(/5 déc\. 2026.*15:30 UTC\+1/);
    expect(french.text).toContain("Caseway");

    const arabic = renderDigestEmail([notice()], BASE, emailWordsFor({ locale: "ar", timeZone: "Asia/Riyadh" }));
    expect(arabic.html).toContain('<html lang="ar" dir="rtl">');
    expect(arabic.text).toContain("17:30");
    // The notice's title keeps the record's name and says what happened in Arabic, laid out in its own direction.
    expect(arabic.html).toMatch(/dir="auto">FR-D-SAA: [\u0600-\u06FF][^<]*<\/a>/);
    expect(arabic.text).not.toContain("LOA offered to the partner");

    // No choice: English, UTC.
    expect(renderNoticeEmail(notice(), BASE, emailWordsFor({ locale: null, timeZone: null })).text).toContain("Dec 5, 2026, 14:30 UTC");
  });
});
