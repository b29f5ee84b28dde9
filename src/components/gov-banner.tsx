import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";

// The USWDS official-site banner ("An official website of the United States government"), with the language menu at
// the end of its row.
export async function GovBanner({ languages }: { languages?: ReactNode }) {
  const t = await getTranslations("Shell.govBanner");
  const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;
  return (
    <section className="bg-base-lightest text-xs text-base-darkest" aria-label={t("label")}>
      <div className="mx-auto flex max-w-6xl flex-wrap items-start justify-between gap-x-4 px-4">
        <details className="group min-w-0 flex-1">
          <summary className="flex cursor-pointer list-none flex-wrap items-center gap-2 py-1 [&::-webkit-details-marker]:hidden">
            <svg aria-hidden="true" width="16" height="11" viewBox="0 0 16 11" className="shrink-0">
              <rect width="16" height="11" fill="#b22234" />
              {[1, 3, 5, 7, 9].map((y) => (
                <rect key={y} y={y * (11 / 13) * 1.18} width="16" height="0.85" fill="#fff" />
              ))}
              <rect width="7" height="6" fill="#3c3b6e" />
            </svg>
            <span>{t("official")}</span>
            <span className="text-primary underline group-open:hidden">{t("howYouKnow")}</span>
            <span className="hidden text-primary underline group-open:inline">{t("hide")}</span>
          </summary>
          <div className="grid gap-4 pb-4 pt-2 sm:grid-cols-2">
            <p>
              <strong>{t("dotGovTitle")}</strong>
              <br />
              {t.rich("dotGovBody", { strong })}
            </p>
            <p>
              <strong>{t("httpsTitle")}</strong>
              <br />
              {t.rich("httpsBody", { strong })}
            </p>
          </div>
        </details>
        {languages}
      </div>
    </section>
  );
}
