// The USWDS official-site banner ("An official website of the United States government").
export function GovBanner() {
  return (
    <section className="bg-base-lightest text-xs text-base-darkest" aria-label="Official website of the United States government">
      <details className="group mx-auto max-w-6xl px-4">
        <summary className="flex cursor-pointer list-none items-center gap-2 py-1 [&::-webkit-details-marker]:hidden">
          <svg aria-hidden="true" width="16" height="11" viewBox="0 0 16 11" className="shrink-0">
            <rect width="16" height="11" fill="#b22234" />
            {[1, 3, 5, 7, 9].map((y) => (
              <rect key={y} y={y * (11 / 13) * 1.18} width="16" height="0.85" fill="#fff" />
            ))}
            <rect width="7" height="6" fill="#3c3b6e" />
          </svg>
          <span>An official website of the United States government</span>
          <span className="text-primary underline group-open:hidden">Here&rsquo;s how you know</span>
          <span className="hidden text-primary underline group-open:inline">Hide</span>
        </summary>
        <div className="grid gap-4 pb-4 pt-2 sm:grid-cols-2">
          <p>
            <strong>Official websites use .gov</strong>
            <br />A <strong>.gov</strong> website belongs to an official government organization in the United States.
          </p>
          <p>
            <strong>Secure .gov websites use HTTPS</strong>
            <br />A <strong>lock</strong> or <strong>https://</strong> means you&rsquo;ve safely connected to the .gov
            website. Share sensitive information only on official, secure websites.
          </p>
        </div>
      </details>
    </section>
  );
}
