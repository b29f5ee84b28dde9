import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { formatDate } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { listOffices } from "@/server/offices/list-offices";
import { forPage } from "@/server/page-guard";
import { OfficeAccountableForm } from "./office-form";

export const metadata: Metadata = { title: "Offices" };

export default async function OfficesPage() {
  const actor = await requireActor();
  const offices = await forPage(() => listOffices(actor));
  return (
    <div>
      <PageHeader
        title="Offices and who answers for them"
        lead={
          <>
            Each office that holds cases has one accountable person. The <Link href="/dashboard">dashboard</Link> names them beside how many cases their
            office holds and for how long.
          </>
        }
      />
      <ul className="grid gap-4" data-testid="offices">
        {offices.map((office) => (
          <li key={office.office} className="rounded border border-base-lighter bg-white p-4" data-testid="office">
            <h2 className="text-lg font-bold">{office.officeName}</h2>
            <p className="mb-2 text-sm text-base-dark">
              {office.accountable
                ? `Accountable: ${office.accountable.name}, named ${formatDate(office.accountable.assignedAt)}`
                : "No one is named yet."}
              {office.eligible.length === 0 && " No active member of this office can be named."}
            </p>
            {/* No one to name (no active member of the office): the sentence above says so; a dead form would not. */}
            {office.eligible.length > 0 && <OfficeAccountableForm office={office} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
