"use client";

import { useEffect, useState } from "react";

// A production build hides a server error's message from the browser, so the page asks the health check whether the
// database is reachable: when it is not (down, restarting, or every connection busy), the person reads that Caseway
// is temporarily unavailable and that trying again shortly is safe, rather than a bare "Something went wrong".
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
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
        {unavailable ? "Caseway is temporarily unavailable" : "Something went wrong"}
      </h1>
      <p className="mb-2 text-base-darker">
        {unavailable
          ? "Caseway is busy or cannot reach its database right now. Nothing you entered was half-saved; try again in a few seconds."
          : "We could not show this page. Nothing you entered was half-saved."}
      </p>
      {error.digest && <p className="mb-6 text-sm text-base-dark">Reference for support: {error.digest}</p>}
      <button type="button" onClick={reset} className="rounded bg-primary px-5 py-2.5 font-bold text-white">
        Try again
      </button>
    </section>
  );
}
