import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { Card, Tag } from "@/components/ui/card";
import { can } from "@/domain/policy";
import { ORGANIZATION_KIND_LABELS, ROLE_LABELS } from "@/domain/roles";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { getOrganization } from "@/server/organizations/get-organization";
import { forPage } from "@/server/page-guard";
import { ConfirmOrganizationForm } from "../confirm-form";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const org = await forPage(() => getOrganization(actor, id));
  const isPartner = org.kind === "PARTNER_COUNTRY";
  return (
    <div className="space-y-6">
      {actor.role !== "PARTNER_OFFICER" && (
        <p className="text-sm">
          <Link href="/organizations">← All organizations</Link>
        </p>
      )}
      <PageHeader
        title={org.name}
        lead={
          <>
            {ORGANIZATION_KIND_LABELS[org.kind]} · code <span className="font-mono font-bold">{org.code}</span>{" "}
            {org.verified ? <Tag tone="success">Verified</Tag> : <Tag tone="warning">Unverified</Tag>}
          </>
        }
      />
      {!org.verified && (
        <Alert type="warning" title="This code has not been confirmed">
          <p className="mb-3">
            Caseway needed this code but the reference tables do not hold it, so it was seeded unverified. Check it against
            SAMM Table C4.T2 (or MILSTRIP AP2.2 for agency codes) before relying on it.
          </p>
          {can(actor, "confirmReferenceData") && <ConfirmOrganizationForm organizationId={org.id} version={org.version} />}
        </Alert>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Details">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-base-dark">{isPartner ? "FMS customer code" : "Code"}</dt>
            <dd className="font-mono font-bold">{org.code}</dd>
            {org.shortName && (
              <>
                <dt className="text-base-dark">Short name</dt>
                <dd>{org.shortName}</dd>
              </>
            )}
            {isPartner && (
              <>
                <dt className="text-base-dark">NATO member</dt>
                <dd>{org.natoMember ? "Yes" : "No"}</dd>
                <dt className="text-base-dark">NATO+ group</dt>
                <dd>{org.natoPlus ? "Yes" : "No"}</dd>
                <dt className="text-base-dark">Standard offer period</dt>
                <dd>{org.standardOedDays ?? 85} days</dd>
              </>
            )}
            <dt className="text-base-dark">In effect from</dt>
            <dd>{formatDate(org.effectiveFrom)}{org.effectiveTo ? ` to ${formatDate(org.effectiveTo)}` : ""}</dd>
            {org.verified && org.verifiedAt && (
              <>
                <dt className="text-base-dark">Confirmed</dt>
                <dd>
                  {formatDateTime(org.verifiedAt)}
                  {org.verifiedByName ? ` by ${org.verifiedByName}` : ""}
                </dd>
              </>
            )}
          </dl>
        </Card>
        <Card title="Source">
          <p className="text-sm" data-testid="organization-source">{org.source}</p>
        </Card>
        <Card title={`People in Caseway (${org.members.length})`}>
          {org.members.length === 0 ? (
            <p className="text-sm text-base-dark">No active users belong to this organization.</p>
          ) : (
            <ul className="divide-y divide-base-lighter text-sm" data-testid="organization-members">
              {org.members.map((m) => (
                <li key={m.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>
                    <span className="font-bold">{m.name}</span> <span className="text-base-dark">{m.email}</span>
                  </span>
                  <span className="text-base-dark">{ROLE_LABELS[m.role]}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
