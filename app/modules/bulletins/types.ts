/** What a bulletins job carries: never message content, only ids (the database is the truth). */
export type BulletinJob =
  | { kind: "chunk"; bulletinId: string; chunk: number }
  | { kind: "test"; bulletinId: string; to: string[]; contactId: number | null; requestedBy: string | null };

export const BULLETIN_STATUSES = ["DRAFT", "SCHEDULED", "SENDING", "PAUSED", "SENT", "CANCELLED"] as const;
export type BulletinStatusName = (typeof BULLETIN_STATUSES)[number];

/** The confirmation step of a send or a schedule: what will happen, when, to how many, and the figures to post back. */
export type BulletinConfirm = {
  kind: "send" | "schedule";
  subject: string;
  recipients: number;
  version: number;
  scheduledAt?: string;
  atLabel?: string;
  notice?: string;
  noticeParams?: Record<string, number>;
};

/** A send's progress as the page polls it (/bulletins/:id/progress). */
export type BulletinProgress = {
  status: string;
  recipients: number;
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  outcomeUnknown: number;
  ratePerSecond: number;
  percent: number;
  pausedReason: string | null;
};
