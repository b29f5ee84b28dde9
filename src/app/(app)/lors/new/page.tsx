import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { assertCan, requireActor } from "@/server/auth/actor";
import { listImplementingAgencies } from "@/server/organizations/list-implementing-agencies";
import { forPage } from "@/server/page-guard";
import { LorForm } from "../lor-form";

export const metadata: Metadata = { title: "New letter of request" };

export default async function NewLorPage() {
  const actor = await requireActor();
  const agencies = await forPage(() => {
    assertCan(actor, "createLor");
    return listImplementingAgencies(actor);
  });
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/lors">← My letters of request</Link>
      </p>
      <PageHeader
        title="New letter of request"
        lead="Fill in what you know now and save a draft; you can come back to it. The checklist shows what is still needed before you can submit."
      />
      <LorForm lor={null} agencies={agencies.map((a) => ({ code: a.code, name: a.shortName ?? a.name }))} />
    </div>
  );
}
