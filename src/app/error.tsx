"use client";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="mx-auto w-full max-w-3xl flex-1 px-4 py-16" aria-labelledby="problem-heading">
      <h1 id="problem-heading" className="mb-3 text-3xl text-primary-darker">Something went wrong</h1>
      <p className="mb-2 text-base-darker">We could not show this page. Nothing you entered was half-saved.</p>
      {error.digest && <p className="mb-6 text-sm text-base-dark">Reference for support: {error.digest}</p>}
      <button type="button" onClick={reset} className="rounded bg-primary px-5 py-2.5 font-bold text-white">
        Try again
      </button>
    </section>
  );
}
