import type { ReactNode } from "react";

export function PageHeader({ title, lead, actions }: { title: string; lead?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-3xl text-primary-darker">{title}</h1>
        {lead && <p className="mt-1 max-w-3xl text-base-dark">{lead}</p>}
      </div>
      {actions}
    </div>
  );
}
