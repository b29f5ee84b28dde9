import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listClass, PublicSection, richTags, SUPPORT_EMAIL } from "@/components/public/section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PublicAccessibility");
  return { title: t("title") };
}

export default async function AccessibilityPage() {
  const t = await getTranslations("PublicAccessibility");
  return (
    <>
      <header className="space-y-2">
        <h1 className="text-3xl">{t("title")}</h1>
        <p className="text-base-dark">{t("reviewed")}</p>
      </header>

      <PublicSection id="commitment" title={t("commitment.title")}>
        <p>{t("commitment.p1")}</p>
        <p>{t("commitment.p2")}</p>
      </PublicSection>

      <PublicSection id="standard" title={t("standard.title")}>
        <p>{t.rich("standard.p1", { link: (chunks) => <a href="https://www.w3.org/TR/WCAG22/">{chunks}</a> })}</p>
        <p>{t("standard.p2")}</p>
        <ul className={listClass}>
          <li>{t("standard.keyboard")}</li>
          <li>{t("standard.contrast")}</li>
          <li>{t("standard.labels")}</li>
          <li>{t("standard.headings")}</li>
          <li>{t("standard.reflow")}</li>
        </ul>
      </PublicSection>

      <PublicSection id="testing" title={t("testing.title")}>
        <ul className={listClass}>
          <li>{t.rich("testing.automated", richTags)}</li>
          <li>{t.rich("testing.keyboard", richTags)}</li>
          <li>{t.rich("testing.contrast", richTags)}</li>
        </ul>
      </PublicSection>

      <PublicSection id="limitations" title={t("limitations.title")}>
        <p>{t("limitations.intro")}</p>
        <ul className={listClass}>
          <li>{t.rich("limitations.charts", richTags)}</li>
          <li>{t.rich("limitations.pdf", richTags)}</li>
          <li>{t.rich("limitations.languages", richTags)}</li>
          <li>{t.rich("limitations.screenReaders", richTags)}</li>
          <li>{t.rich("limitations.diagram", richTags)}</li>
        </ul>
      </PublicSection>

      <PublicSection id="feedback" title={t("feedback.title")}>
        <p>{t("feedback.p1")}</p>
        <ul className={listClass}>
          <li>
            {t.rich("feedback.email", {
              email: SUPPORT_EMAIL,
              link: (chunks) => <a href={`mailto:${SUPPORT_EMAIL}?subject=Accessibility`}>{chunks}</a>,
            })}
          </li>
          <li>{t("feedback.reply")}</li>
        </ul>
        <p>{t("feedback.complaint")}</p>
      </PublicSection>
    </>
  );
}
