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

export function Tag({ tone = "base", children }: { tone?: "base" | "success" | "warning" | "error" | "info"; children: ReactNode }) {
  const tones = {
    base: "bg-base-lighter text-base-darkest",
    success: "bg-success-lighter text-success-dark",
    warning: "bg-warning-lighter text-base-darkest",
    error: "bg-error-lighter text-error-dark",
    info: "bg-primary-lighter text-primary-darker",
  };
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-bold uppercase ${tones[tone]}`}>{children}</span>;
}
