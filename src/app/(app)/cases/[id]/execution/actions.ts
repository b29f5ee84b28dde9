"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import {
  CompleteLineInput,
  RecordObligationInput,
  RecordServiceInput,
  RecordShipmentInput,
  SubmitRequisitionInput,
  UpdateShipmentStatusInput,
} from "@/domain/schemas/execution";
import { formObject, runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { completeLine } from "@/server/execution/complete-line";
import { recordObligation } from "@/server/execution/record-obligation";
import { recordServicePerformance } from "@/server/execution/record-service-performance";
import { recordShipment } from "@/server/execution/record-shipment";
import { submitRequisition } from "@/server/execution/submit-requisition";
import { updateShipmentStatus } from "@/server/execution/update-shipment-status";
import { requestContext } from "@/server/request-context";

export type ExecutionOperation = "obligation" | "requisition" | "shipment" | "service" | "completion" | "status";

/** Only the fields the operation's schema takes: the schemas refuse anything else, as the API does. */
function fieldsFor(schema: z.ZodObject, values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(schema.shape).filter((key) => values[key] !== undefined).map((key) => [key, values[key]!]));
}

/** One door for the execution page's forms; the form names the operation and the line, the use case decides. */
export async function executionAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const values = formObject(form);
  const caseId = values.caseId ?? "";
  const lineNumber = values.lineNumber ?? "";
  const operation = (values.operation ?? "") as ExecutionOperation;
  const t = await getTranslations("ExecPage.notice");
  const result = await runAction(async () => {
    const actor = await requireActor();
    const context = await requestContext();
    switch (operation) {
      case "obligation":
        await recordObligation(actor, caseId, lineNumber, fieldsFor(RecordObligationInput, values), context);
        return { message: t("obligation") };
      case "requisition":
        // The key rendered with the form: a double submission makes one requisition.
        await submitRequisition(actor, caseId, lineNumber, fieldsFor(SubmitRequisitionInput, values), context, { idempotencyKey: values.idempotencyKey || null });
        return { message: t("requisition") };
      case "shipment":
        await recordShipment(actor, caseId, lineNumber, fieldsFor(RecordShipmentInput, values), context);
        return { message: t("shipment") };
      case "service":
        await recordServicePerformance(actor, caseId, lineNumber, fieldsFor(RecordServiceInput, values), context);
        return { message: t("service") };
      case "completion":
        await completeLine(actor, caseId, lineNumber, fieldsFor(CompleteLineInput, values), context);
        return { message: t("completion") };
      case "status":
        await updateShipmentStatus(actor, caseId, values.shipmentId ?? "", fieldsFor(UpdateShipmentStatusInput, values), context);
        return { message: t("status") };
      default:
        throw new AppError("BAD_REQUEST", "Unknown operation");
    }
  });
  if (result.status === "ok") {
    revalidatePath(`/cases/${caseId}`);
    revalidatePath(`/cases/${caseId}/execution`);
    const notice = operation === "status" ? (values.status === "RECEIVED" ? "received" : "in-transit") : operation;
    redirect(`/cases/${caseId}/execution?notice=${notice}#line-${encodeURIComponent(lineNumber)}`);
  }
  return result;
}
