-- CreateEnum
CREATE TYPE "ContestPhase" AS ENUM ('UPCOMING', 'SUBMISSIONS', 'REVIEW', 'EVALUATION', 'RESULTS', 'CLOSED');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('RECEIVED', 'IN_REVIEW', 'CORRECTIONS_REQUESTED', 'REGISTERED', 'NOT_REGISTERED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "CheckResult" AS ENUM ('PENDING', 'MET', 'MISSING', 'NEEDS_CORRECTION');

-- CreateEnum
CREATE TYPE "CorrectionState" AS ENUM ('OPEN', 'ANSWERED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "JurySessionKind" AS ENUM ('INSTALLATION', 'DELIBERATION', 'RESULTS');

-- CreateEnum
CREATE TYPE "EvaluationState" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateTable
CREATE TABLE "Contest" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "callFileName" TEXT,
    "callFileSha256" TEXT,
    "rulesFileName" TEXT,
    "rulesFileSha256" TEXT,
    "submissionsOpenAt" TIMESTAMPTZ(3) NOT NULL,
    "submissionsCloseAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "correctionDays" INTEGER NOT NULL DEFAULT 5,
    "evaluationStartsAt" TIMESTAMPTZ(3) NOT NULL,
    "evaluationEndsAt" TIMESTAMPTZ(3) NOT NULL,
    "resultsAt" TIMESTAMPTZ(3) NOT NULL,
    "phaseOverride" "ContestPhase",
    "phaseOverrideReason" TEXT,
    "blindReview" BOOLEAN NOT NULL DEFAULT false,
    "discussionOpen" BOOLEAN NOT NULL DEFAULT false,
    "juryClosed" BOOLEAN NOT NULL DEFAULT false,
    "dispersionThreshold" DOUBLE PRECISION NOT NULL DEFAULT 15,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Contest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Requirement" (
    "id" TEXT NOT NULL,
    "contestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "required" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Requirement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" TEXT NOT NULL,
    "contestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "weight" DECIMAL(5,2) NOT NULL,
    "scaleMin" INTEGER NOT NULL DEFAULT 1,
    "scaleMax" INTEGER NOT NULL DEFAULT 5,
    "levels" JSONB NOT NULL DEFAULT '{}',
    "tieBreakRank" INTEGER,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" TEXT NOT NULL,
    "contestId" TEXT NOT NULL,
    "folio" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "contactPersonId" TEXT,
    "title" TEXT NOT NULL,
    "summary" TEXT,
    "targetCommunities" TEXT,
    "targetCities" TEXT,
    "requestedBudget" DECIMAL(12,2),
    "currency" TEXT NOT NULL DEFAULT 'USD',
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    "channel" TEXT NOT NULL,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "lateAcceptedById" TEXT,
    "lateAcceptReason" TEXT,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'RECEIVED',
    "registeredAt" TIMESTAMPTZ(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionDocument" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "requirementId" TEXT,
    "correctionRequestId" TEXT,
    "fileName" TEXT NOT NULL,
    "fileSha256" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "uploadedById" TEXT,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequirementCheck" (
    "submissionId" TEXT NOT NULL,
    "requirementId" TEXT NOT NULL,
    "result" "CheckResult" NOT NULL DEFAULT 'PENDING',
    "note" TEXT,
    "checkedById" TEXT,
    "checkedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RequirementCheck_pkey" PRIMARY KEY ("submissionId","requirementId")
);

-- CreateTable
CREATE TABLE "CorrectionRequest" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "message" TEXT,
    "deadline" TIMESTAMPTZ(3) NOT NULL,
    "state" "CorrectionState" NOT NULL DEFAULT 'OPEN',
    "sentTo" TEXT,
    "mailStatus" TEXT,
    "mailJobId" TEXT,
    "answeredAt" TIMESTAMPTZ(3),
    "answerNote" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CorrectionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionStatusChange" (
    "id" BIGSERIAL NOT NULL,
    "submissionId" TEXT NOT NULL,
    "from" "SubmissionStatus",
    "to" "SubmissionStatus" NOT NULL,
    "reason" TEXT,
    "byId" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JuryMember" (
    "id" TEXT NOT NULL,
    "contestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "designationRef" TEXT,
    "designatedOn" DATE,
    "expertise" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JuryMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JurySession" (
    "id" TEXT NOT NULL,
    "contestId" TEXT NOT NULL,
    "kind" "JurySessionKind" NOT NULL,
    "heldAt" TIMESTAMPTZ(3) NOT NULL,
    "attendees" TEXT,
    "minutes" TEXT,
    "fileName" TEXT,
    "fileSha256" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JurySession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Assignment" (
    "id" TEXT NOT NULL,
    "contestId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "noConflictAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Assignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Conflict" (
    "id" TEXT NOT NULL,
    "contestId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "recordedById" TEXT,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Conflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "contestId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "state" "EvaluationState" NOT NULL DEFAULT 'DRAFT',
    "overallComment" TEXT,
    "submittedAt" TIMESTAMPTZ(3),
    "reopenedAt" TIMESTAMPTZ(3),
    "reopenReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Score" (
    "evaluationId" TEXT NOT NULL,
    "criterionId" TEXT NOT NULL,
    "value" INTEGER,
    "comment" TEXT,

    CONSTRAINT "Score_pkey" PRIMARY KEY ("evaluationId","criterionId")
);

-- CreateTable
CREATE TABLE "Award" (
    "id" TEXT NOT NULL,
    "contestId" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "place" INTEGER NOT NULL,
    "prize" TEXT,
    "notes" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Award_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Contest_submissionsOpenAt_idx" ON "Contest"("submissionsOpenAt" DESC);

-- CreateIndex
CREATE INDEX "Requirement_contestId_position_idx" ON "Requirement"("contestId", "position");

-- CreateIndex
CREATE INDEX "Criterion_contestId_position_idx" ON "Criterion"("contestId", "position");

-- CreateIndex
CREATE INDEX "Submission_contestId_status_idx" ON "Submission"("contestId", "status");

-- CreateIndex
CREATE INDEX "Submission_contestId_receivedAt_idx" ON "Submission"("contestId", "receivedAt");

-- CreateIndex
CREATE INDEX "Submission_partnerId_idx" ON "Submission"("partnerId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_contestId_folio_key" ON "Submission"("contestId", "folio");

-- CreateIndex
CREATE INDEX "SubmissionDocument_submissionId_idx" ON "SubmissionDocument"("submissionId");

-- CreateIndex
CREATE INDEX "CorrectionRequest_submissionId_createdAt_idx" ON "CorrectionRequest"("submissionId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "CorrectionRequest_state_deadline_idx" ON "CorrectionRequest"("state", "deadline");

-- CreateIndex
CREATE INDEX "SubmissionStatusChange_submissionId_at_idx" ON "SubmissionStatusChange"("submissionId", "at");

-- CreateIndex
CREATE INDEX "JuryMember_userId_idx" ON "JuryMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "JuryMember_contestId_userId_key" ON "JuryMember"("contestId", "userId");

-- CreateIndex
CREATE INDEX "JurySession_contestId_heldAt_idx" ON "JurySession"("contestId", "heldAt");

-- CreateIndex
CREATE INDEX "Assignment_userId_contestId_idx" ON "Assignment"("userId", "contestId");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_submissionId_userId_key" ON "Assignment"("submissionId", "userId");

-- CreateIndex
CREATE INDEX "Conflict_userId_idx" ON "Conflict"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Conflict_submissionId_userId_key" ON "Conflict"("submissionId", "userId");

-- CreateIndex
CREATE INDEX "Evaluation_userId_contestId_idx" ON "Evaluation"("userId", "contestId");

-- CreateIndex
CREATE UNIQUE INDEX "Evaluation_submissionId_userId_key" ON "Evaluation"("submissionId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Award_contestId_submissionId_key" ON "Award"("contestId", "submissionId");

-- AddForeignKey
ALTER TABLE "Requirement" ADD CONSTRAINT "Requirement_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_contactPersonId_fkey" FOREIGN KEY ("contactPersonId") REFERENCES "PartnerPerson"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionDocument" ADD CONSTRAINT "SubmissionDocument_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionDocument" ADD CONSTRAINT "SubmissionDocument_correctionRequestId_fkey" FOREIGN KEY ("correctionRequestId") REFERENCES "CorrectionRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequirementCheck" ADD CONSTRAINT "RequirementCheck_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequirementCheck" ADD CONSTRAINT "RequirementCheck_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "Requirement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CorrectionRequest" ADD CONSTRAINT "CorrectionRequest_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionStatusChange" ADD CONSTRAINT "SubmissionStatusChange_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryMember" ADD CONSTRAINT "JuryMember_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JuryMember" ADD CONSTRAINT "JuryMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JurySession" ADD CONSTRAINT "JurySession_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conflict" ADD CONSTRAINT "Conflict_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conflict" ADD CONSTRAINT "Conflict_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conflict" ADD CONSTRAINT "Conflict_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_evaluationId_fkey" FOREIGN KEY ("evaluationId") REFERENCES "Evaluation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Score" ADD CONSTRAINT "Score_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "Criterion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_contestId_fkey" FOREIGN KEY ("contestId") REFERENCES "Contest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Award" ADD CONSTRAINT "Award_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
