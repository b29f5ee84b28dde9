import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { requireActor } from "@/server/auth/actor";
import { listOffices } from "@/server/offices/list-offices";
import { forPage } from "@/server/page-guard";
import { OfficeAccountableForm } from "./office-form";
import { getTranslations } from "next-intl/server";
import { getFormats } from "@/i18n/server";
import { officeNameFor } from "@/components/insight/office-name";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AdminOffices");
  return { title: t("title") };
}

export default async function OfficesPage() {
  const actor = await requireActor();
  const offices = await forPage(() => listOffices(actor));
  const t = await getTranslations("AdminOffices");
  const f = await getFormats();
  const tOffice = await getTranslations("InsightOffice");
  return (
    <div>
      <PageHeader
        title={t("heading")}
        lead={t.rich("lead", { link: (chunks) => <Link href="/dashboard">{chunks}</Link> })}
      />
      <ul className="grid gap-4" data-testid="offices">
        {offices.map((office) => {
          const name = officeNameFor(tOffice, office.office, office.officeName);
          return (
            <li key={office.office} className="rounded border border-base-lighter bg-white p-4" data-testid="office">
              <h2 className="text-lg font-bold">{name}</h2>
              <p className="mb-2 text-sm text-base-dark">
                {office.accountable
                  ? t("accountable", { name: office.accountable.name, date: f.date(office.accountable.assignedAt) })
                  : t("noOne")}
                {office.eligible.length === 0 && ` ${t("noEligible")}`}
              </p>
              {/* No one to name (no active member of the office): the sentence above says so; a dead form would not. */}
              {office.eligible.length > 0 && <OfficeAccountableForm office={office} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
