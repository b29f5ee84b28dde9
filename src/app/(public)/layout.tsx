import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/server/auth/actor";

// Pages anyone may read, signed in or not: the accessibility statement, the privacy notice and help. The header links
// back to Caseway when there is a session and to sign-in when there is none.
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const actor = await currentActor();
  const t = await getTranslations("PublicLayout");
  return (
    <div className="flex flex-1 flex-col">
      <header className="border-b border-base-lighter bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-4">
          <div>
            <Link href="/" className="text-2xl font-bold text-primary-darker no-underline visited:text-primary-darker">
              Caseway
            </Link>
            <p className="text-sm text-base-dark">{t("tagline")}</p>
          </div>
          <Link href={actor ? "/" : "/signin"} className="font-bold">
            {actor ? t("backToCaseway") : t("signIn")}
          </Link>
        </div>
      </header>
      <main id="main-content" className="mx-auto w-full max-w-3xl flex-1 px-4 py-10">
        <article className="space-y-6 rounded border border-base-lighter bg-white p-6 shadow-sm md:p-8">
          {children}
        </article>
      </main>
    </div>
  );
}
