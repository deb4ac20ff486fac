/**
 * The bounce mailbox, client-safe part (decision 034): the settings form's schema and the words
 * a connection test or a run can end with. The password is read outside the schema (as the DKIM
 * key is), so no refused form ever echoes it back.
 */
import { z } from "zod";

export const MAILBOX_DEFAULTS = { port: 993, tls: true, folder: "INBOX", processedFolder: "Alcance/Procesados", intervalMinutes: 10 } as const;
export const MAILBOX_MAX_PASSWORD = 500;

const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
// A folder path as the office writes it, levels split by "/" (the poller uses the server's separator).
const folderField = z
  .string({ message: "admin.settings.mailbox.errors.folder" })
  .trim()
  .min(1, "admin.settings.mailbox.errors.folder")
  .max(200, "admin.settings.mailbox.errors.folder")
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  .refine((v) => !/[\u0000-\u001f\u007f*%]/.test(v) && !v.split("/").some((level) => level.trim() === ""), "admin.settings.mailbox.errors.folder");

export const mailboxSchema = z
  .object({
    host: z.string({ message: "admin.settings.mailbox.errors.host" }).trim().regex(HOST, "admin.settings.mailbox.errors.host"),
    port: z.coerce
      .number({ message: "admin.settings.mailbox.errors.port" })
      .int("admin.settings.mailbox.errors.port")
      .min(1, "admin.settings.mailbox.errors.port")
      .max(65_535, "admin.settings.mailbox.errors.port"),
    tls: checkbox,
    username: z.string({ message: "admin.settings.mailbox.errors.username" }).trim().min(1, "admin.settings.mailbox.errors.username").max(320, "admin.settings.mailbox.errors.username"),
    folder: folderField,
    processedFolder: folderField,
    intervalMinutes: z.coerce
      .number({ message: "admin.settings.mailbox.errors.interval" })
      .int("admin.settings.mailbox.errors.interval")
      .min(1, "admin.settings.mailbox.errors.interval")
      .max(1440, "admin.settings.mailbox.errors.interval"),
    enabled: checkbox,
  })
  .refine((v) => v.folder.toLowerCase() !== v.processedFolder.toLowerCase(), { path: ["processedFolder"], message: "admin.settings.mailbox.errors.sameFolder" });
export type MailboxInput = z.infer<typeof mailboxSchema>;

/** Removing the mailbox settings: nothing to fill in. */
export const mailboxRemoveSchema = z.object({});

/** Where a connection test (or a run) stopped: reaching the server, logging in, or opening a folder. */
export const MAILBOX_FAILURES = ["connect", "tls", "login", "folder", "processedFolder", "password", "other"] as const;
export type MailboxFailure = (typeof MAILBOX_FAILURES)[number];

export type MailboxRunCounts = { polled: number; ingested: number; duplicate: number; unattributed: number; tooLarge: number };
