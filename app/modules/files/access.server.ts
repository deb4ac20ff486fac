/**
 * Who may fetch a stored file by its SHA-256 (`/files/:sha256`). The store is content-addressed
 * and shared by every area, so knowing a hash must not be enough: the file is served only when a
 * record the user may read names it — the same rule as the page that links it.
 *
 * - a submission's document: staff with `edit:contest` (as the contest's own document route), or
 *   a juror of that contest assigned to that REGISTERED project, with "no conflict" confirmed and
 *   no conflict recorded (decision 013: the project's documents are shown only then);
 * - the contest's call or rules: `read:contest`;
 * - an event photo: `read:event`; a material's picture: `read:material`;
 * - a partner's agreement: `read:partner`; a jury session's signed minutes: `manage:jury` or
 *   `read:jury-results`;
 * - a file no record names (an upload whose form was abandoned, so its record was never written):
 *   the ADMIN only — nobody else can know what it is or whom it concerns — and only a type that
 *   is served as itself (PDF, images), never a partner import's CSV.
 *
 * Anything else answers as if the file did not exist (404), so probing learns nothing.
 */
import { db } from "~/lib/db.server";
import { can, type RoleName } from "~/modules/auth";
import { MIME_BY_KIND } from "./sniff";

export type FileReader = { id: string; role: RoleName };

const SERVABLE = new Set<string>(Object.values(MIME_BY_KIND));

async function jurorMayRead(userId: string, sha256: string): Promise<boolean> {
  const documents = await db.submissionDocument.findMany({
    where: {
      fileSha256: sha256,
      submission: {
        status: "REGISTERED",
        assignments: { some: { userId, noConflictAt: { not: null } } },
        conflicts: { none: { userId } },
        contest: { jurors: { some: { userId } } },
      },
    },
    select: { submission: { select: { contestId: true, assignments: { where: { userId }, select: { contestId: true } } } } },
    take: 20,
  });
  // The assignment must be of the submission's own contest (as requireAssignment checks).
  return documents.some((d) => d.submission.assignments.some((a) => a.contestId === d.submission.contestId));
}

/** Whether this user may fetch the stored file with this hash (of the given stored type). */
export async function mayReadFile(user: FileReader, sha256: string, mimeType: string): Promise<boolean> {
  const role = user.role;
  const byHash = { fileSha256: sha256 };
  const [documents, contestFiles, photos, pictures, agreements, minutes] = await Promise.all([
    db.submissionDocument.count({ where: byHash }),
    db.contest.count({ where: { OR: [{ callFileSha256: sha256 }, { rulesFileSha256: sha256 }] } }),
    db.eventPhoto.count({ where: byHash }),
    db.material.count({ where: { pictureSha256: sha256 } }),
    db.agreement.count({ where: byHash }),
    db.jurySession.count({ where: byHash }),
  ]);

  if (documents && can(role, "edit:contest")) return true;
  if (contestFiles && can(role, "read:contest")) return true;
  if (photos && can(role, "read:event")) return true;
  if (pictures && can(role, "read:material")) return true;
  if (agreements && can(role, "read:partner")) return true;
  if (minutes && (can(role, "manage:jury") || can(role, "read:jury-results"))) return true;
  if (documents && can(role, "evaluate:jury") && (await jurorMayRead(user.id, sha256))) return true;

  const named = documents + contestFiles + photos + pictures + agreements + minutes > 0;
  if (!named) return SERVABLE.has(mimeType) && role === "ADMIN";
  return false;
}
