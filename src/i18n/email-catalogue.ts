// The "Email" namespace in English, from the domain's own words: the generator (scripts/i18n/email.ts) writes it and a
// unit test checks the catalogue still matches.
import { ENGLISH_EMAIL_WORDS } from "@/domain/notifications/email";
import { NOTIFICATION_GROUPS, NOTIFICATION_KINDS, NOTIFICATION_RULES } from "@/domain/notifications/kinds";

export function englishEmailCatalogue() {
  return {
    subjects: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, NOTIFICATION_RULES[kind].subject])),
    kinds: Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, NOTIFICATION_RULES[kind].label])),
    groups: Object.fromEntries(NOTIFICATION_GROUPS.map((group, i) => [`group${i}`, group])),
    reasons: { action: ENGLISH_EMAIL_WORDS.reason("action"), update: ENGLISH_EMAIL_WORDS.reason("update") },
    openInCaseway: ENGLISH_EMAIL_WORDS.openInCaseway,
    pasteAddress: ENGLISH_EMAIL_WORDS.pasteAddress,
    footer: ENGLISH_EMAIL_WORDS.footer,
    footerLink: ENGLISH_EMAIL_WORDS.footerLink,
    digestSubject: ENGLISH_EMAIL_WORDS.digestSubject,
    digestLead: "{count, plural, one {1 update} other {# updates}} since your last digest, newest first.",
  };
}
