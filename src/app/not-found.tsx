import Link from "next/link";
import { useTranslations } from "next-intl";

export default function NotFound() {
  const t = useTranslations("ErrorsNotFound");
  return (
    <section className="mx-auto w-full max-w-3xl flex-1 px-4 py-16" aria-labelledby="problem-heading">
      <h1 id="problem-heading" className="mb-3 text-3xl text-primary-darker">{t("title")}</h1>
      <p className="mb-6 text-base-darker">
        {t("body")}
      </p>
      <Link href="/">{t("home")}</Link>
    </section>
  );
}
