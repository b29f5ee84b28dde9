import "server-only";
import { createHash } from "node:crypto";
import { statementPdfModel } from "@/domain/execution/statement-pdf";
import type { Actor } from "@/domain/policy";
import { isUuid } from "@/domain/schemas/common";
import { isoDay } from "@/domain/sla";
import { assertCan } from "../auth/actor";
import { assertCaseVisible } from "../cases/case-access";
import { db } from "../db";
import { notFound } from "../errors";
import { renderStatementPdf } from "./render-statement-pdf";

export interface StatementPdf {
  bytes: Buffer;
  filename: string;
  sha256: string;
}

/** A statement of the case as a PDF, rendered from the stored statement: the same statement, the same bytes. */
export async function getStatementPdf(actor: Actor, caseId: string, statementId: string): Promise<StatementPdf> {
  const client = db();
  const subject = await assertCaseVisible(actor, caseId, client);
  assertCan(actor, "viewFinances", subject, "Case");
  if (!isUuid(statementId)) throw notFound("Statement");
  const statement = await client.billingStatement.findFirst({
    where: { id: statementId, caseId },
    include: { case: { select: { identifier: true, country: { select: { name: true } }, implementingAgency: { select: { name: true } } } } },
  });
  if (!statement) throw notFound("Statement");
  const model = statementPdfModel(
    {
      id: statement.id,
      dueOn: isoDay(statement.dueOn),
      issuedOn: isoDay(statement.issuedOn),
      final: statement.final,
      scheduleCumulative: statement.scheduleCumulative.toFixed(2),
      forecastCumulative: statement.forecastCumulative.toFixed(2),
      billedCumulative: statement.billedCumulative.toFixed(2),
      collected: statement.collected.toFixed(2),
      credits: statement.credits.toFixed(2),
      amountDue: statement.amountDue.toFixed(2),
    },
    {
      identifier: statement.case.identifier,
      purchaser: statement.case.country.name,
      implementingAgency: statement.case.implementingAgency.name,
    },
  );
  const bytes = await renderStatementPdf(model);
  const filename = `${model.documentName.replace(/[^A-Za-z0-9-]+/g, "_")}.pdf`;
  return { bytes, filename, sha256: createHash("sha256").update(bytes).digest("hex") };
}
