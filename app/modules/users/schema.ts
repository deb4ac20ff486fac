import { z } from "zod";
import { ROLES, PASSWORD_MIN_LENGTH } from "~/modules/auth";
import { LOCALES } from "~/i18n";

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

export const INE_AREAS = ["DERFE", "DEOE", "DECEYEC", "UNICOM", "CNCS", "DAC", "UTVOPL", "VMRE_OFFICE"] as const;
export type IneAreaName = (typeof INE_AREAS)[number];

/**
 * A CONTRIBUTOR belongs to an INE area (decision 025; a trigger refuses one without): the form's
 * `ineArea` is required for that role and dropped for every other.
 */
const areaField = z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined), z.enum(INE_AREAS, { message: "admin.users.errors.ineArea" }).optional());

function withArea<T extends { role: (typeof ROLES)[number]; ineArea?: IneAreaName }>(value: T, ctx: z.RefinementCtx): (T & { ineArea: IneAreaName | null }) | never {
  if (value.role === "CONTRIBUTOR" && !value.ineArea) {
    ctx.addIssue({ code: "custom", path: ["ineArea"], message: "admin.users.errors.ineAreaRequired" });
    return z.NEVER;
  }
  return { ...value, ineArea: value.role === "CONTRIBUTOR" ? value.ineArea! : null };
}

export const createUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(2, "admin.users.errors.name").max(120, "admin.users.errors.name"),
  role: roleSchema,
});

export const localeSchema = z.enum(LOCALES, { message: "admin.users.errors.locale" });

/** The invitation form: the person chooses a password through the e-mailed link. */
export const inviteUserSchema = createUserSchema
  .extend({
    // The address is someone else's: the messages say so (the sign-in ones speak of "your" e-mail).
    email: z
      .string()
      .trim()
      .min(1, "admin.users.errors.emailRequired")
      .max(320, "admin.users.errors.emailInvalid")
      .email("admin.users.errors.emailInvalid")
      .transform((v) => v.normalize("NFC").toLowerCase()),
    locale: localeSchema,
    ineArea: areaField,
  })
  .transform(withArea);
/** An invitation (callers other than the form may leave the area out: required only for a CONTRIBUTOR). */
export type InviteUserInput = Omit<z.infer<typeof inviteUserSchema>, "ineArea"> & { ineArea?: IneAreaName | null };

export const USER_STATUSES = ["active", "inactive", "invited"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** The users list's URL: anything unknown is ignored rather than refused. */
export const userListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  role: roleSchema.optional().catch(undefined),
  status: z.enum(USER_STATUSES).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

/** The role form on a user's page (handleIntents "role"): a CONTRIBUTOR needs an area, others drop it. */
export const roleFormSchema = z.object({ role: roleSchema, ineArea: areaField }).transform(withArea);

/** The forms on a user's page; `intent` names the one submitted. */
export const userActionSchema = z
  .discriminatedUnion("intent", [
    z.object({ intent: z.literal("role"), role: roleSchema, ineArea: areaField }),
    z.object({ intent: z.literal("deactivate") }),
    z.object({ intent: z.literal("reactivate") }),
    z.object({ intent: z.literal("endSessions") }),
    z.object({ intent: z.literal("resendInvite") }),
  ])
  .transform((v, ctx) => (v.intent === "role" ? withArea(v, ctx) : v));
export type UserAction = z.infer<typeof userActionSchema>;
