// Writes messages/en/email.json from the domain's English e-mail words (NOTIFICATION_RULES and ENGLISH_EMAIL_WORDS),
// so the catalogue's English is the domain's own; tests/unit/i18n-catalogues.test.ts checks they stay equal.
// Run: npx tsx scripts/i18n/email.ts
import { writeFileSync } from "node:fs";
import { englishEmailCatalogue } from "../../src/i18n/email-catalogue";

writeFileSync("messages/en/email.json", `${JSON.stringify({ Email: englishEmailCatalogue() }, null, 2)}\n`);
console.log("messages/en/email.json written");
