import { bindingConfirmation, type BindableDocument, type BindingConfirmation, type BindingStep } from "@/domain/workflow/binding-confirmation";

type Words = (key: string, values?: Record<string, string | number>) => string;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * The domain's binding confirmation in the reader's words: `t` reads the "CaseBinding" messages, `label` is the step's
 * own (already translated) label, `usd` the reader's money format. The acknowledgement (what the server checks) is
 * the domain's, unchanged; the one-line summary stays as the domain writes it (it is not shown on the page).
 */
export function localizedBindingConfirmation(
  step: BindingStep,
  label: string,
  document: BindableDocument | null,
  t: Words,
  usd: (amount: string) => string,
): BindingConfirmation {
  const base = bindingConfirmation(step, label, document);
  return {
    ...base,
    title: t("title", { action: lowerFirst(label) }),
    commitment: t(`commitments.${step}`),
    document: base.document && document ? { ...base.document, total: usd(document.totalEstimatedCost) } : base.document,
    sha256Note: base.sha256Note === null ? null : document ? t("noSha256") : t("noDocument"),
  };
}

/** "Confirm and sign for the agency (MILSGN)": the confirmation's button repeats the step it takes. */
export const confirmLabelOf = (label: string, t: Words) => t("confirm", { action: lowerFirst(label) });
