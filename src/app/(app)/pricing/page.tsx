import type { Metadata } from "next";
import { PageHeader } from "@/components/page-header";
import { requireActor } from "@/server/auth/actor";
import { getPricingReference } from "@/server/loa/builder-reference";
import { forPage } from "@/server/page-guard";
import { PricingCalculator } from "./pricing-calculator";

export const metadata: Metadata = { title: "What-if pricing" };

export default async function PricingPage() {
  const actor = await requireActor();
  const reference = await forPage(() => getPricingReference(actor));
  return (
    <div>
      <PageHeader
        title="What-if pricing"
        lead="Try lines and see every charge and whether Congress would need to be notified. Nothing here is saved; the LOA's own figures come from the implementing agency."
      />
      <PricingCalculator rates={reference.rates} defaultNatoPlus={actor.role === "PARTNER_OFFICER" ? null : false} />
    </div>
  );
}
