"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

// A production build hides a server error's message from the browser, so the page asks the health check whether the
// database is reachable: when it is not (down, restarting, or every connection busy), the person reads that Caseway
// is temporarily unavailable and that trying again shortly is safe, rather than a bare "Something went wrong".
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("ErrorsPage");
  const [unavailable, setUnavailable] = useState(false);
  useEffect(() => {
    let live = true;
    fetch("/api/v1/health", { cache: "no-store" })
      .then((response) => live && setUnavailable(response.status === 503))
      .catch(() => live && setUnavailable(true));
    return () => {
      live = false;
    };
  }, [error]);

  return (
    <section className="mx-auto w-full max-w-3xl flex-1 px-4 py-16" aria-labelledby="problem-heading">
      <h1 id="problem-heading" className="mb-3 text-3xl text-primary-darker" data-testid="error-heading">
        {unavailable ? t("unavailableTitle") : t("title")}
      </h1>
      <p className="mb-2 text-base-darker">
        {unavailable ? t("unavailableBody") : t("body")}
      </p>
      {error.digest && <p className="mb-6 text-sm text-base-dark">{t("reference", { digest: error.digest })}</p>}
      <button type="button" onClick={reset} className="rounded bg-primary px-5 py-2.5 font-bold text-white">
        {t("retry")}
      </button>
    </section>
  );
}
