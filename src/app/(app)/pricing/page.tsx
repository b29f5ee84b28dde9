import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/page-header";
import { requireActor } from "@/server/auth/actor";
import { getPricingReference } from "@/server/loa/builder-reference";
import { forPage } from "@/server/page-guard";
import { PricingCalculator } from "./pricing-calculator";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("PricingPage");
  return { title: t("title") };
}

export default async function PricingPage() {
  const actor = await requireActor();
  const reference = await forPage(() => getPricingReference(actor));
  const t = await getTranslations("PricingPage");
  return (
    <div>
      <PageHeader
        title={t("title")}
        lead={t("lead")}
      />
      <PricingCalculator rates={reference.rates} defaultNatoPlus={actor.role === "PARTNER_OFFICER" ? null : false} />
    </div>
  );
}
