// Problems in the reader's language (issue 16 §1): the messages the domain's own schemas write are matched by shape and
// worded from the Problems catalogue; a message of no known shape is left as it came rather than guessed at.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { plainText } from "@/domain/schemas/common";
import { dollarAmount } from "@/domain/money";
import { messagesLocaleOf, type Locale } from "@/i18n/config";
import { messagesFor } from "@/i18n/messages";
import { wordFieldProblems, wordProblem, type Translate } from "@/i18n/problems";

const words = (locale: Locale) =>
  createTranslator({ locale: messagesLocaleOf(locale), messages: messagesFor(locale), namespace: "Problems" }) as unknown as Translate;

/** The domain's own message for `input` under `schema`. */
function messageOf(schema: z.ZodType, input: unknown): string {
  const result = schema.safeParse(input);
  if (result.success) throw new Error("expected a problem");
  return result.error.issues[0]!.message;
}

describe("problems in the reader's language", () => {
  const subject = plainText("Subject", { max: 200 });
  const deposit = dollarAmount("Initial deposit");

  it("words what the domain's schemas say, in French and Arabic, with the numbers they name", () => {
    const fr = words("fr");
    const ar = words("ar");
    expect(wordProblem(messageOf(subject, ""), fr)).toBe("Ce champ est obligatoire");
    expect(wordProblem(messageOf(subject, "x".repeat(201)), fr)).toBe("Écrivez au plus 200 caractères");
    expect(wordProblem(messageOf(subject, "bad\u0000text"), fr)).toBe("Ce champ contient des caractères non autorisés");
    expect(wordProblem(messageOf(deposit, "abc"), ar)).not.toMatch(/[A-Za-z]{3}/);
    expect(wordProblem("3 fields need attention", fr)).toBe("3 champs demandent votre attention");
    expect(wordProblem("One field needs attention", ar)).toBe("حقل واحد يحتاج إلى مراجعة");
    expect(wordProblem("Case not found", fr)).toContain("Introuvable");
  });

  it("leaves a message of no known shape as it came, and words each field of a form", () => {
    const fr = words("fr");
    expect(wordProblem("The offer expired on March 1, 2027", fr)).toBe("The offer expired on March 1, 2027");
    expect(wordFieldProblems({ subject: "Subject is required", "items.0.quantity": "Quantity must be a whole number" }, fr)).toEqual({
      subject: "Ce champ est obligatoire",
      "items.0.quantity": "Saisissez un nombre entier",
    });
    expect(wordFieldProblems(undefined, fr)).toBeUndefined();
  });
});
