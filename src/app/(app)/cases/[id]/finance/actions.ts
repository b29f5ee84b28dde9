"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { formObject, runAction, type ActionState } from "@/server/action-result";
import { requireActor } from "@/server/auth/actor";
import { issueStatements } from "@/server/finance/issue-statements";
import { recordPayment } from "@/server/finance/record-payment";
import { requestContext } from "@/server/request-context";

/** The finance officer's payment form. The form's own key makes a double submission record one payment. */
export async function recordPaymentAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const { caseId = "", idempotencyKey, amount, valueDate, reference, statementId } = formObject(form);
  const tPage = await getTranslations("FinancePage");
  const result = await runAction(async () => {
    const actor = await requireActor();
    await recordPayment(actor, caseId, { amount, valueDate, reference, statementId }, await requestContext(), { idempotencyKey });
    revalidatePath(`/cases/${caseId}`);
    return { message: tPage("noticePayment") };
  });
  if (result.status === "ok") redirect(`/cases/${caseId}/finance?notice=payment`);
  return result;
}

/** "Issue statements now": the same run as the daily job; cases that have their statement get nothing more. */
export async function issueStatementsAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const { caseId = "" } = formObject(form);
  let issued = 0;
  const tForms = await getTranslations("FinanceForms");
  const result = await runAction(async () => {
    const actor = await requireActor();
    issued = (await issueStatements(actor, await requestContext())).issued;
    return { message: tForms("issued") };
  });
  if (result.status === "ok") redirect(`/cases/${caseId}/finance?notice=statements&issued=${issued}`);
  return result;
}
