import "server-only";
import { forbidden, notFound } from "next/navigation";
import { AppError } from "./errors";

/** Runs a page's use case; a missing or foreign record renders the 404 page, a refused role the 403 page. */
export async function forPage<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") forbidden();
    throw error;
  }
}
