import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listClass, PublicSection, richTags, SUPPORT_EMAIL } from "@/components/public/section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PublicHelp");
  return { title: t("title") };
}

export default async function HelpPage() {
  const t = await getTranslations("PublicHelp");
  return (
    <>
      <header className="space-y-2">
        <h1 className="text-3xl">{t("title")}</h1>
        <p className="text-base-dark">{t("lead")}</p>
      </header>

      <PublicSection id="signing-in" title={t("signingIn.title")}>
        <p>{t("signingIn.p1")}</p>
        <p>{t("signingIn.p2")}</p>
      </PublicSection>

      <PublicSection id="partners" title={t("partners.title")}>
        <ol className="list-decimal space-y-1 ps-6">
          <li>{t.rich("partners.step1", richTags)}</li>
          <li>{t("partners.step2")}</li>
          <li>{t.rich("partners.step3", richTags)}</li>
          <li>{t("partners.step4")}</li>
        </ol>
        <p>{t("partners.ownCountry")}</p>
      </PublicSection>

      <PublicSection id="usg" title={t("usg.title")}>
        <ul className={listClass}>
          <li>{t.rich("usg.dsca", richTags)}</li>
          <li>{t.rich("usg.reviewers", richTags)}</li>
          <li>{t.rich("usg.agencies", richTags)}</li>
          <li>{t.rich("usg.finance", richTags)}</li>
          <li>{t.rich("usg.admins", richTags)}</li>
        </ul>
      </PublicSection>

      <PublicSection id="tasks" title={t("tasks.title")}>
        <ul className={listClass}>
          <li>{t.rich("tasks.home", richTags)}</li>
          <li>{t.rich("tasks.myTasks", richTags)}</li>
          <li>{t.rich("tasks.notifications", richTags)}</li>
          <li>{t.rich("tasks.search", richTags)}</li>
        </ul>
      </PublicSection>

      <PublicSection id="keyboard" title={t("keyboard.title")}>
        <p>{t.rich("keyboard.p1", { ...richTags, link: (chunks) => <a href="/accessibility">{chunks}</a> })}</p>
      </PublicSection>

      <PublicSection id="contact" title={t("contact.title")}>
        <p>{t.rich("contact.p1", { email: SUPPORT_EMAIL, link: (chunks) => <a href={`mailto:${SUPPORT_EMAIL}`}>{chunks}</a> })}</p>
      </PublicSection>
    </>
  );
}
