import { z } from "zod";
import { ROLES } from "~/modules/auth/permissions";
import { PASSWORD_MIN_LENGTH } from "~/modules/auth/password-rules";

export const emailSchema = z
  .string()
  .trim()
  .min(1, "auth.errors.emailRequired")
  .max(320)
  .email("auth.errors.emailInvalid")
  .transform((v) => v.normalize("NFC").toLowerCase());

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, "auth.errors.passwordTooShort")
  .max(1000, "auth.errors.passwordTooLong");

export const roleSchema = z.enum(ROLES, { message: "admin.users.errors.role" });

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(2, "admin.users.errors.name").max(120, "admin.users.errors.name"),
  role: roleSchema,
});
