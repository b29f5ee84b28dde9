import { z } from "zod";
import { EmailAddress } from "./common";

export const SignInInput = z.object({
  email: EmailAddress,
  password: z
    .string({ error: "Password is required" })
    .min(1, { error: "Password is required" })
    .max(200, { error: "Password must be at most 200 characters" }),
});
export type SignInInput = z.infer<typeof SignInInput>;

/** Passwords an administrator sets for a new account. Length over composition rules (NIST SP 800-63B). */
export const NewPassword = z
  .string({ error: "Password is required" })
  .min(12, { error: "Password must be at least 12 characters" })
  .max(200, { error: "Password must be at most 200 characters" });
