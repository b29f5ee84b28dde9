import { Fragment } from "react";
import { useTranslations } from "next-intl";
import type { CaseView } from "@/domain/schemas/cases";
import { useFormats } from "@/i18n/use-formats";
import { useLabels } from "@/i18n/use-labels";

type Part = CaseView["waitingOnParts"][number];

/**
 * What the case waits for, each part after the other, with the date that ends a wait as a machine-readable <time>.
 * Each part is worded from its code (src/domain/workflow/waiting-on.ts) in the reader's language; a code this page does
 * not know yet falls back to the domain's English text.
 */
export function WaitingOn({ parts }: { parts: CaseView["waitingOnParts"] }) {
  const f = useFormats();
  const label = useLabels();
  const t = useTranslations("CaseWaitingOn");
  const words = (part: Part): string => {
    if (part.code.startsWith("status.")) return label("waitingOn", part.code.slice("status.".length));
    if (part.code === "office-reviews" && part.offices) {
      return t("office-reviews", { offices: f.and(part.offices.map((o) => label("reviewOfficeShort", o))), count: part.offices.length });
    }
    return t.has(part.code) ? t(part.code) : part.text;
  };
  return parts.map((part, i) => (
    <Fragment key={`${i}-${part.code}`}>
      {i > 0 && t("separator")}
      {words(part)}
      {part.until && (
        <>
          {" "}
          <time dateTime={part.until}>{f.date(part.until)}</time>
        </>
      )}
    </Fragment>
  ));
}
