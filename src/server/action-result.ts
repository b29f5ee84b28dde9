import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { localeOf } from "@/i18n/config";
import { wordFieldProblems, wordProblem, type Translate } from "@/i18n/problems";
import { AppError, RefusalError, type FieldErrors } from "./errors";
import { log } from "./log";
import { auditRefusalHere } from "./refusals";
import { requestContext } from "./request-context";
import { unavailableError } from "./unavailable";

export type ActionState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; message: string; data?: T }
  | { status: "error"; message: string; fields?: FieldErrors; currentVersion?: number };

/** Runs a use case for a server action: AppErrors become messages beside the fields; anything else is logged. */
export async function runAction<T>(work: () => Promise<{ message: string; data?: T }>): Promise<ActionState<T>> {
  try {
    const result = await work();
    return { status: "ok", ...result };
  } catch (error) {
    unstable_rethrow(error); // redirects and other Next control flow pass through
    if (error instanceof RefusalError) await auditRefusalHere(error, "POST");
    if (error instanceof AppError) {
      // The page's reader may not read English: known shapes of problem are worded in their language (the API and
      // the logs keep the English).
      const t = localeOf(await getLocale()) === "en" ? null : ((await getTranslations("Problems")) as unknown as Translate);
      return {
        status: "error",
        message: t ? wordProblem(error.message, t) : error.message,
        fields: t ? wordFieldProblems(error.extra.fields, t) : error.extra.fields,
        currentVersion: error.extra.currentVersion,
      };
    }
    log.error({ err: error, requestId: (await requestContext()).requestId }, "unexpected error in a server action");
    const unavailable = unavailableError(error);
    if (unavailable) return { status: "error", message: unavailable.message };
    return { status: "error", message: "Something went wrong on our side. Try again, or contact support." };
  }
}

/** FormData to a plain object; repeated keys keep the last value. */
export function formObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$")) out[key] = value;
  return out;
}
