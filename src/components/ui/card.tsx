import type { ReactNode } from "react";

export function Card({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="rounded border border-base-lighter bg-white p-5 shadow-sm" aria-label={title}>
      <div className="mb-3 flex items-baseline justify-between gap-3">
        <h2 className="text-lg">{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function Stat({ label, value, href }: { label: string; value: string | number; href?: string }) {
  const body = (
    <>
      <span className="block text-3xl font-bold text-primary-darker">{value}</span>
      <span className="block text-sm text-base-dark">{label}</span>
    </>
  );
  return href ? (
    <a href={href} className="block rounded border border-base-lighter bg-white p-4 no-underline hover:border-primary">
      {body}
    </a>
  ) : (
    <div className="rounded border border-base-lighter bg-white p-4">{body}</div>
  );
}

/**
 * Status tag colours: background and text theme tokens (src/app/globals.css). tests/unit/contrast.test.ts checks each
 * pair reaches 4.5:1 (WCAG 1.4.3; tags are small text).
 */
export const TAG_TONES = {
  base: "bg-base-lighter text-base-darkest",
  success: "bg-success-lighter text-success-dark",
  warning: "bg-warning-lighter text-base-darkest",
  error: "bg-error-lighter text-error-dark",
  info: "bg-primary-lighter text-primary-darker",
} as const;

export function Tag({ tone = "base", children }: { tone?: keyof typeof TAG_TONES; children: ReactNode }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-bold uppercase ${TAG_TONES[tone]}`}>{children}</span>;
}
