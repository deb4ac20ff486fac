/** What a bulletins job carries: never message content, only ids (the database is the truth). */
export type BulletinJob =
  | { kind: "chunk"; bulletinId: string; chunk: number }
  | { kind: "test"; bulletinId: string; to: string[]; contactId: number | null; requestedBy: string | null };

export const BULLETIN_STATUSES = ["DRAFT", "SCHEDULED", "SENDING", "PAUSED", "SENT", "CANCELLED"] as const;
export type BulletinStatusName = (typeof BULLETIN_STATUSES)[number];
