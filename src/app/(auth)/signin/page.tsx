import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { currentActor } from "@/server/auth/actor";
import { SignInForm } from "./signin-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SignIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (await currentActor()) redirect("/");
  const params = await searchParams;
  const t = await getTranslations("SignIn");
  return (
    <div className="flex flex-1 flex-col">
      <header className="border-b border-base-lighter bg-white">
        <div className="mx-auto max-w-6xl px-4 py-4">
          <p className="text-2xl font-bold text-primary-darker">Caseway</p>
          <p className="text-sm text-base-dark">{t("tagline")}</p>
        </div>
      </header>
      <main id="main-content" className="mx-auto grid w-full max-w-6xl flex-1 gap-8 px-4 py-10 md:grid-cols-2">
        <section className="rounded border border-base-lighter bg-white p-6 shadow-sm md:p-8" aria-labelledby="signin-heading">
          <h1 id="signin-heading" className="mb-2 text-3xl">
            {t("heading")}
          </h1>
          <p className="mb-6 text-base-dark">{t("lead")}</p>
          {params.ended && (
            <div className="mb-4">
              <Alert type="warning" title={t("endedTitle")} testId="session-ended">
                {t("endedBody")}
              </Alert>
            </div>
          )}
          {params.signedout && (
            <div className="mb-4">
              <Alert type="success" title={t("signedOut")} testId="signed-out" />
            </div>
          )}
          <SignInForm />
        </section>
        <section className="self-center" aria-labelledby="about-heading">
          <h2 id="about-heading" className="mb-3 text-xl text-primary-darker">
            {t("aboutHeading")}
          </h2>
          <ul className="list-disc space-y-2 ps-5 text-base-darker">
            <li>{t("about1")}</li>
            <li>{t("about2")}</li>
            <li>{t("about3")}</li>
            <li>{t("about4")}</li>
          </ul>
          <p className="mt-6 text-sm text-base-dark">
            {t("warning")}
          </p>
        </section>
      </main>
    </div>
  );
}
