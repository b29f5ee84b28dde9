import type { ReactNode } from "react";

/** A titled panel of a record page; the heading names the region for screen readers. */
export function Section({ id, title, children, testId }: { id: string; title: string; children: ReactNode; testId?: string }) {
  return (
    <section aria-labelledby={id} className="min-w-0 rounded border border-base-lighter bg-white p-5" data-testid={testId}>
      <h2 id={id} className="mb-3 text-xl text-primary-darker">
        {title}
      </h2>
      {children}
    </section>
  );
}
