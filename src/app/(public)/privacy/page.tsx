import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listClass, PublicSection, richTags, SUPPORT_EMAIL } from "@/components/public/section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PublicPrivacy");
  return { title: t("title") };
}

export default async function PrivacyPage() {
  const t = await getTranslations("PublicPrivacy");
  return (
    <>
      <header className="space-y-2">
        <h1 className="text-3xl">{t("title")}</h1>
        <p className="text-base-dark">{t("lead")}</p>
      </header>

      <PublicSection id="system" title={t("system.title")}>
        <p>{t("system.p1")}</p>
      </PublicSection>

      <PublicSection id="collected" title={t("collected.title")}>
        <ul className={listClass}>
          <li>{t.rich("collected.account", richTags)}</li>
          <li>{t.rich("collected.work", richTags)}</li>
          <li>{t.rich("collected.sessions", richTags)}</li>
          <li>{t.rich("collected.notifications", richTags)}</li>
          <li>{t.rich("collected.tokens", richTags)}</li>
        </ul>
        <p>{t("collected.cookies")}</p>
      </PublicSection>

      <PublicSection id="who-sees" title={t("whoSees.title")}>
        <ul className={listClass}>
          <li>{t.rich("whoSees.partners", richTags)}</li>
          <li>{t.rich("whoSees.usg", richTags)}</li>
          <li>{t.rich("whoSees.internal", richTags)}</li>
          <li>{t.rich("whoSees.admins", richTags)}</li>
        </ul>
        <p>{t("whoSees.sharing")}</p>
      </PublicSection>

      <PublicSection id="audit" title={t("audit.title")}>
        <p>{t("audit.p1")}</p>
      </PublicSection>

      <PublicSection id="email" title={t("email.title")}>
        <p>{t("email.p1")}</p>
      </PublicSection>

      <PublicSection id="retention" title={t("retention.title")}>
        <p>{t("retention.p1")}</p>
      </PublicSection>

      <PublicSection id="questions" title={t("questions.title")}>
        <p>
          {t.rich("questions.p1", {
            email: SUPPORT_EMAIL,
            link: (chunks) => <a href={`mailto:${SUPPORT_EMAIL}?subject=Privacy`}>{chunks}</a>,
          })}
        </p>
      </PublicSection>
    </>
  );
}
