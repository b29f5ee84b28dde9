import "server-only";
import { forbidden, notFound } from "next/navigation";
import { AppError, RefusalError, type FieldErrors } from "./errors";
import { auditRefusalHere } from "./refusals";

/** Runs a page's use case; a missing or foreign record renders the 404 page, a refused role the 403 page. */
export async function forPage<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RefusalError) await auditRefusalHere(error, "GET");
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") forbidden();
    throw error;
  }
}

export type Filtered<T> = { result: T; problem: null } | { result: null; problem: FieldErrors };

/** For list pages whose filters come from the URL: a bad filter is shown beside the form, not as an error page. */
export async function forFilteredPage<T>(work: () => Promise<T>): Promise<Filtered<T>> {
  try {
    return { result: await forPage(work), problem: null };
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION_FAILED") {
      return { result: null, problem: error.extra.fields ?? {} };
    }
    throw error;
  }
}
