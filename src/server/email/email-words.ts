import "server-only";
import { createTranslator } from "next-intl";
import { ENGLISH_EMAIL_WORDS, type EmailWords } from "@/domain/notifications/email";
import { NOTIFICATION_GROUPS, type NotificationGroup } from "@/domain/notifications/kinds";
import { DEFAULT_LOCALE, directionOf, intlLocaleOf, isLocale, isTimeZone } from "@/i18n/config";
import { messagesFor } from "@/i18n/messages";
import { wordNoticeTitle } from "@/i18n/notice-titles";
import { formatsFor } from "@/lib/format";

/** The catalogue's key of each notice group ("Your work" → group0): group names are sentences, not keys. */
const groupKey = (group: NotificationGroup) => `group${NOTIFICATION_GROUPS.indexOf(group)}`;

const cache = new Map<string, EmailWords>();

/**
 * The words of a reader's e-mails: their chosen language (English when none) and time zone (UTC when none — an e-mail
 * has no browser to ask). Subjects still name only the kind of event, in the reader's language.
 */
export function emailWordsFor(user: { locale: string | null; timeZone: string | null }): EmailWords {
  const locale = isLocale(user.locale) ? user.locale : DEFAULT_LOCALE;
  const timeZone = isTimeZone(user.timeZone) ? user.timeZone : "UTC";
  if (locale === DEFAULT_LOCALE && timeZone === "UTC") return ENGLISH_EMAIL_WORDS;
  const key = `${locale}|${timeZone}`;
  const cached = cache.get(key);
  if (cached) return cached;
  // The catalogue is loaded at run time, so its keys are not known to the type checker.
  const t = createTranslator({ locale: intlLocaleOf(locale), messages: messagesFor(locale), namespace: "Email" }) as unknown as (key: string, values?: Record<string, number>) => string;
  const formats = formatsFor(locale, timeZone);
  const catalogue = createTranslator({ locale: intlLocaleOf(locale), messages: messagesFor(locale) }) as unknown as (key: string, values?: Record<string, string>) => string;
  const words: EmailWords = {
    lang: locale,
    dir: directionOf(locale),
    subject: (kind) => t(`subjects.${kind}`),
    kindLabel: (kind) => t(`kinds.${kind}`),
    group: (group) => t(`groups.${groupKey(group)}`),
    reason: (reason) => t(`reasons.${reason}`),
    dateTime: (at) => formats.dateTime(at),
    openInCaseway: t("openInCaseway"),
    pasteAddress: t("pasteAddress"),
    footer: t("footer"),
    footerLink: t("footerLink"),
    digestSubject: t("digestSubject"),
    digestLead: (count) => t("digestLead", { count }),
    noticeTitle: (title) =>
      wordNoticeTitle(title, {
        phrase: ({ namespace, key }) => catalogue(`${namespace}.${key}`),
        subjectLine: (subject, what) => catalogue("NoticesList.subjectLine", { subject, what }),
        actionNeeded: (line) => catalogue("NoticesList.actionNeeded", { line }),
      }),
  };
  cache.set(key, words);
  return words;
}

export { groupKey as emailGroupKey };
