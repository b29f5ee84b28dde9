import type { Metadata } from "next";
import Link from "next/link";
import { LorStatusTag } from "@/components/lor/status";
import { PageHeader } from "@/components/page-header";
import { Tag } from "@/components/ui/card";
import { CASE_STATUS_LABELS } from "@/domain/workflow/states";
import { LOA_TYPE_LABELS, LOR_REQUEST_TYPE_LABELS, type LorRequestType, type LorStatus } from "@/domain/lor/codes";
import { formatDate, formatDateTime } from "@/lib/format";
import { requireActor } from "@/server/auth/actor";
import { getCase } from "@/server/cases/get-case";
import { forPage } from "@/server/page-guard";

export const metadata: Metadata = { title: "Case" };

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const found = await forPage(() => getCase(actor, id));
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link href="/cases">← Cases</Link>
      </p>
      <PageHeader
        title={`Case ${found.identifier}`}
        lead={
          <span className="flex flex-wrap items-center gap-3">
            <Tag tone="info">{CASE_STATUS_LABELS[found.status]}</Tag>
            <span>
              {found.country.name} · {found.implementingAgency.name}
            </span>
          </span>
        }
      />
      <div className="grid gap-6 md:grid-cols-2">
        <section aria-labelledby="case-facts" className="rounded border border-base-lighter bg-white p-5">
          <h2 id="case-facts" className="mb-2 text-xl text-primary-darker">
            About the case
          </h2>
          <dl className="grid grid-cols-[10rem_1fr] gap-y-2">
            <dt className="font-bold">Identifier</dt>
            <dd className="font-mono" data-testid="case-identifier">
              {found.identifier}
            </dd>
            <dt className="font-bold">Country</dt>
            <dd>
              {found.country.name} ({found.country.code})
            </dd>
            <dt className="font-bold">Implementing agency</dt>
            <dd>
              {found.implementingAgency.name} ({found.implementingAgency.code})
            </dd>
            <dt className="font-bold">Designator</dt>
            <dd className="font-mono">{found.designator}</dd>
            <dt className="font-bold">Type</dt>
            <dd>{LOA_TYPE_LABELS[found.caseType]}</dd>
            <dt className="font-bold">Opened</dt>
            <dd>{formatDateTime(found.openedAt)}</dd>
          </dl>
        </section>
        <section aria-labelledby="case-letters" className="rounded border border-base-lighter bg-white p-5">
          <h2 id="case-letters" className="mb-2 text-xl text-primary-darker">
            Letters of request
          </h2>
          <ul className="divide-y divide-base-lighter">
            {found.letters.map((l) => (
              <li key={l.id} className="py-2">
                <Link href={`/lors/${l.id}`} className="font-bold">
                  {l.subject ?? l.originatorReference ?? "Letter of request"}
                </Link>{" "}
                <LorStatusTag status={l.status as LorStatus} />
                <span className="block text-sm text-base-dark">
                  {l.requestType ? LOR_REQUEST_TYPE_LABELS[l.requestType as LorRequestType] : ""} · complete {formatDate(l.completedAt)}
                </span>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-base-dark">
            The implementing agency now develops the Letter of Offer and Acceptance. The case-development clock started when the letter was marked complete.
          </p>
        </section>
      </div>
    </div>
  );
}
