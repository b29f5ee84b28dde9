import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CaseSubnav } from "@/components/case/case-subnav";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Section } from "@/components/ui/section";
import { requireActor } from "@/server/auth/actor";
import { forPage } from "@/server/page-guard";
import { sdrFilingForm } from "@/server/sdr/sdr-filing-form";
import { FileSdrForm } from "../sdr-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("SdrNew");
  return { title: t("title") };
}

export default async function NewSdrPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const { shipment } = await searchParams;
  // Partner officers only: another role gets the 403 page, another country's case the 404 page.
  const form = await forPage(() => sdrFilingForm(actor, id));
  const open = form.shipments.filter((s) => s.open);
  const t = await getTranslations("SdrNew");
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href={`/cases/${form.case.id}/sdrs`}>{t("back")}</Link>
      </p>
      <PageHeader title={t("title")} lead={t("lead", { identifier: form.case.identifier })} />
      <CaseSubnav caseId={form.case.id} current="sdrs" />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 lg:order-2">
          <Section id="sdr-rules" title={t("rulesTitle")} testId="sdr-rules">
            <ul className="grid list-disc gap-2 ps-5">
              {form.rules.map((rule) => (
                <li key={rule.key} data-rule={rule.key}>
                  {rule.text}
                </li>
              ))}
            </ul>
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-primary">{t("rulesSource")}</summary>
              <ul className="mt-2 grid gap-2">
                {form.rules.map((rule) => (
                  <li key={rule.key}>
                    <span className="font-mono">{rule.key}</span>: {rule.source}
                  </li>
                ))}
              </ul>
            </details>
          </Section>
        </div>
        <div className="min-w-0 lg:order-1 lg:col-span-2">
          <Section id="sdr-form" title={t("formTitle")} testId="sdr-form-section">
            {open.length === 0 && (
              <div className="mb-4">
                <Alert type="info" title={t("noShipmentTitle")} testId="no-shipments">
                  {form.shipments.length === 0
                    ? t("nothingReceived")
                    : t("windowClosed")}
                </Alert>
              </div>
            )}
            <FileSdrForm
              caseId={form.case.id}
              shipments={form.shipments}
              preselected={shipment ?? null}
              minimum={form.minimumValue}
            />
          </Section>
        </div>
      </div>
    </div>
  );
}
