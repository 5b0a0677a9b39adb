CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "Candidates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Candidates" PRIMARY KEY,
    "CaseReference" TEXT NOT NULL,
    "DisplayAlias" TEXT NOT NULL,
    "TargetGroup" TEXT NOT NULL,
    "SoughtOccupations" TEXT NOT NULL,
    "Skills" TEXT NOT NULL,
    "EducationLevel" TEXT NOT NULL,
    "HasWorkExperience" INTEGER NOT NULL,
    "Postcode" TEXT NOT NULL,
    "AvailableFrom" TEXT NOT NULL,
    "LastEmployerCvr" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "Companies" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Companies" PRIMARY KEY,
    "Cvr" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "IndustryCode" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "Postcode" TEXT NOT NULL,
    "Sector" TEXT NOT NULL,
    "MembershipStatus" TEXT NOT NULL,
    "JoinedOn" TEXT NULL,
    "ResponsibleConsultantId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "CompanyId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CompanyContacts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CompanyContacts" PRIMARY KEY,
    "CompanyId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "JobTitle" TEXT NULL,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "IsEmployeeRepresentative" INTEGER NOT NULL,
    CONSTRAINT "FK_CompanyContacts_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ContactLogs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ContactLogs" PRIMARY KEY,
    "CompanyId" TEXT NOT NULL,
    "ConsultantId" TEXT NOT NULL,
    "OccurredAt" INTEGER NOT NULL,
    "Channel" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Outcome" TEXT NULL,
    "FollowUpOn" TEXT NULL,
    "FollowUpDone" INTEGER NOT NULL,
    CONSTRAINT "FK_ContactLogs_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Pledges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Pledges" PRIMARY KEY,
    "CompanyId" TEXT NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "OrdinaryJobs" INTEGER NOT NULL,
    "Internships" INTEGER NOT NULL,
    "WageSubsidyJobs" INTEGER NOT NULL,
    "AdultApprenticeships" INTEGER NOT NULL,
    "FlexJobs" INTEGER NOT NULL,
    "Mentors" INTEGER NOT NULL,
    "TargetGroups" TEXT NOT NULL,
    "Note" TEXT NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    CONSTRAINT "FK_Pledges_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Workplaces" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Workplaces" PRIMARY KEY,
    "CompanyId" TEXT NOT NULL,
    "PNumber" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "Postcode" TEXT NOT NULL,
    "OrdinaryEmployees" INTEGER NOT NULL,
    "EmployeesReportedFor" TEXT NOT NULL,
    "AverageEmployees12Months" TEXT NOT NULL,
    CONSTRAINT "FK_Workplaces_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Vacancies" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Vacancies" PRIMARY KEY,
    "CompanyId" TEXT NOT NULL,
    "WorkplaceId" TEXT NOT NULL,
    "OfferKind" TEXT NOT NULL,
    "OccupationCode" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Positions" INTEGER NOT NULL,
    "HoursPerWeek" TEXT NOT NULL,
    "StartDate" TEXT NOT NULL,
    "ApplicationDeadline" TEXT NULL,
    "RequiredSkills" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "PublishedAt" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Vacancies_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Vacancies_Workplaces_WorkplaceId" FOREIGN KEY ("WorkplaceId") REFERENCES "Workplaces" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Placements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Placements" PRIMARY KEY,
    "CandidateId" TEXT NOT NULL,
    "CompanyId" TEXT NOT NULL,
    "WorkplaceId" TEXT NOT NULL,
    "VacancyId" TEXT NULL,
    "OfferKind" TEXT NOT NULL,
    "Purpose" TEXT NULL,
    "PlannedStart" TEXT NOT NULL,
    "PlannedEnd" TEXT NOT NULL,
    "ActualStart" TEXT NULL,
    "ActualEnd" TEXT NULL,
    "Status" TEXT NOT NULL,
    "EndReason" TEXT NULL,
    "EmployeeRepStatement_RepresentativeName" TEXT NULL,
    "EmployeeRepStatement_GivenOn" TEXT NULL,
    "EmployeeRepStatement_IsPositive" INTEGER NULL,
    "EmployeeRepStatement_Comment" TEXT NULL,
    "EmployeeRepStatement_RecordedBy" TEXT NULL,
    "WageSubsidyConfirmation_HeadcountLastMonth" INTEGER NULL,
    "WageSubsidyConfirmation_AverageHeadcount12Months" TEXT NULL,
    "WageSubsidyConfirmation_NoDismissalWithin3Months" INTEGER NULL,
    "WageSubsidyConfirmation_ConfirmedBy" TEXT NULL,
    "WageSubsidyConfirmation_ConfirmedAt" INTEGER NULL,
    "ProposedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Placements_Candidates_CandidateId" FOREIGN KEY ("CandidateId") REFERENCES "Candidates" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Companies_CompanyId" FOREIGN KEY ("CompanyId") REFERENCES "Companies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Vacancies_VacancyId" FOREIGN KEY ("VacancyId") REFERENCES "Vacancies" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Placements_Workplaces_WorkplaceId" FOREIGN KEY ("WorkplaceId") REFERENCES "Workplaces" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Outcomes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Outcomes" PRIMARY KEY,
    "PlacementId" TEXT NOT NULL,
    "MonthsAfterEnd" INTEGER NOT NULL,
    "EndResult" TEXT NULL,
    "SelfSupporting" INTEGER NULL,
    "RecordedAt" INTEGER NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    CONSTRAINT "FK_Outcomes_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RuleExemptions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RuleExemptions" PRIMARY KEY,
    "PlacementId" TEXT NOT NULL,
    "Rule" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_RuleExemptions_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_CompanyId" ON "AspNetUsers" ("CompanyId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE UNIQUE INDEX "IX_Candidates_CaseReference" ON "Candidates" ("CaseReference");

CREATE INDEX "IX_Candidates_TargetGroup_AvailableFrom" ON "Candidates" ("TargetGroup", "AvailableFrom");

CREATE UNIQUE INDEX "IX_Companies_Cvr" ON "Companies" ("Cvr");

CREATE INDEX "IX_Companies_IndustryCode" ON "Companies" ("IndustryCode");

CREATE INDEX "IX_Companies_MembershipStatus" ON "Companies" ("MembershipStatus");

CREATE INDEX "IX_Companies_Name" ON "Companies" ("Name");

CREATE INDEX "IX_Companies_ResponsibleConsultantId" ON "Companies" ("ResponsibleConsultantId");

CREATE INDEX "IX_CompanyContacts_CompanyId" ON "CompanyContacts" ("CompanyId");

CREATE INDEX "IX_ContactLogs_CompanyId_OccurredAt" ON "ContactLogs" ("CompanyId", "OccurredAt");

CREATE INDEX "IX_ContactLogs_ConsultantId_FollowUpDone_FollowUpOn" ON "ContactLogs" ("ConsultantId", "FollowUpDone", "FollowUpOn");

CREATE UNIQUE INDEX "IX_Outcomes_PlacementId_MonthsAfterEnd" ON "Outcomes" ("PlacementId", "MonthsAfterEnd");

CREATE INDEX "IX_Placements_CandidateId" ON "Placements" ("CandidateId");

CREATE INDEX "IX_Placements_CompanyId_Status" ON "Placements" ("CompanyId", "Status");

CREATE INDEX "IX_Placements_PlannedStart" ON "Placements" ("PlannedStart");

CREATE INDEX "IX_Placements_Status_OfferKind_PlannedStart" ON "Placements" ("Status", "OfferKind", "PlannedStart");

CREATE INDEX "IX_Placements_VacancyId" ON "Placements" ("VacancyId");

CREATE INDEX "IX_Placements_WorkplaceId_Status_PlannedStart" ON "Placements" ("WorkplaceId", "Status", "PlannedStart");

CREATE INDEX "IX_Pledges_CompanyId_PeriodStart" ON "Pledges" ("CompanyId", "PeriodStart");

CREATE INDEX "IX_RuleExemptions_PlacementId" ON "RuleExemptions" ("PlacementId");

CREATE INDEX "IX_RuleExemptions_RecordedAt" ON "RuleExemptions" ("RecordedAt");

CREATE INDEX "IX_Vacancies_CompanyId_Status" ON "Vacancies" ("CompanyId", "Status");

CREATE INDEX "IX_Vacancies_OccupationCode" ON "Vacancies" ("OccupationCode");

CREATE INDEX "IX_Vacancies_StartDate" ON "Vacancies" ("StartDate");

CREATE INDEX "IX_Vacancies_Status_ApplicationDeadline" ON "Vacancies" ("Status", "ApplicationDeadline");

CREATE INDEX "IX_Vacancies_Status_OfferKind_StartDate" ON "Vacancies" ("Status", "OfferKind", "StartDate");

CREATE INDEX "IX_Vacancies_WorkplaceId" ON "Vacancies" ("WorkplaceId");

CREATE INDEX "IX_Workplaces_CompanyId" ON "Workplaces" ("CompanyId");

CREATE UNIQUE INDEX "IX_Workplaces_PNumber" ON "Workplaces" ("PNumber");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124054732_Initial', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Placements_CreatedAt" ON "Placements" ("CreatedAt");

CREATE INDEX "IX_Placements_PlannedEnd" ON "Placements" ("PlannedEnd");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124063313_PlacementSortIndexes', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Candidates" ADD "UpdatedAt" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Candidates" ADD "WithdrawalReason" TEXT NULL;

ALTER TABLE "Candidates" ADD "WithdrawnAt" INTEGER NULL;

CREATE TABLE "ConsumerFailures" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ConsumerFailures" PRIMARY KEY,
    "FaultedMessageId" TEXT NULL,
    "MessageType" TEXT NOT NULL,
    "ExceptionType" TEXT NOT NULL,
    "ExceptionMessage" TEXT NOT NULL,
    "Host" TEXT NOT NULL,
    "OccurredAt" INTEGER NOT NULL
);

CREATE TABLE "InboxMessages" (
    "Consumer" TEXT NOT NULL,
    "MessageId" TEXT NOT NULL,
    "ProcessedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_InboxMessages" PRIMARY KEY ("Consumer", "MessageId")
);

CREATE TABLE "OutboxMessages" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "MessageId" TEXT NOT NULL,
    "AggregateId" TEXT NOT NULL,
    "MessageType" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "SentAt" INTEGER NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NULL,
    "LastError" TEXT NULL,
    "ClaimedBy" TEXT NULL,
    "ClaimedUntil" INTEGER NULL
);

CREATE TABLE "VacancyMatches" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_VacancyMatches" PRIMARY KEY,
    "VacancyId" TEXT NOT NULL,
    "CandidateId" TEXT NOT NULL,
    "Rank" INTEGER NOT NULL,
    "Score" REAL NOT NULL,
    "Explanation" TEXT NOT NULL,
    "VacancyAsOf" INTEGER NOT NULL,
    "MatchedAt" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "DecidedAt" INTEGER NULL,
    "DecidedBy" TEXT NULL,
    "DismissReason" TEXT NULL,
    "PlacementId" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_VacancyMatches_Candidates_CandidateId" FOREIGN KEY ("CandidateId") REFERENCES "Candidates" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_VacancyMatches_Placements_PlacementId" FOREIGN KEY ("PlacementId") REFERENCES "Placements" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_VacancyMatches_Vacancies_VacancyId" FOREIGN KEY ("VacancyId") REFERENCES "Vacancies" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Candidates_WithdrawnAt_Id" ON "Candidates" ("WithdrawnAt", "Id");

CREATE INDEX "IX_ConsumerFailures_OccurredAt" ON "ConsumerFailures" ("OccurredAt");

CREATE INDEX "IX_InboxMessages_ProcessedAt" ON "InboxMessages" ("ProcessedAt");

CREATE UNIQUE INDEX "IX_OutboxMessages_MessageId" ON "OutboxMessages" ("MessageId");

CREATE INDEX "IX_OutboxMessages_SentAt_Sequence" ON "OutboxMessages" ("SentAt", "Sequence");

CREATE INDEX "IX_VacancyMatches_CandidateId" ON "VacancyMatches" ("CandidateId");

CREATE INDEX "IX_VacancyMatches_PlacementId" ON "VacancyMatches" ("PlacementId");

CREATE INDEX "IX_VacancyMatches_Status" ON "VacancyMatches" ("Status");

CREATE INDEX "IX_VacancyMatches_VacancyId_Status_Rank" ON "VacancyMatches" ("VacancyId", "Status", "Rank");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124065832_Messaging', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "YieldCells" (
    "CompanyId" TEXT NOT NULL,
    "Grain" INTEGER NOT NULL,
    "PeriodStart" INTEGER NOT NULL,
    "OfferKind" TEXT NOT NULL,
    "TargetGroup" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "VacanciesPosted" INTEGER NOT NULL,
    "PositionsOffered" INTEGER NOT NULL,
    "PlacementsStarted" INTEGER NOT NULL,
    "FarFromMarketStarted" INTEGER NOT NULL,
    "PlacementDays" INTEGER NOT NULL,
    "PlacementsEnded" INTEGER NOT NULL,
    "EndedEarly" INTEGER NOT NULL,
    "EndResultsRecorded" INTEGER NOT NULL,
    "EndedOrdinaryJob" INTEGER NOT NULL,
    "EndedFlexJob" INTEGER NOT NULL,
    "EndedEducation" INTEGER NOT NULL,
    "EndedBackOnBenefits" INTEGER NOT NULL,
    "EndedDroppedOut" INTEGER NOT NULL,
    "ConversionEnded" INTEGER NOT NULL,
    "ConvertedToOrdinaryJob" INTEGER NOT NULL,
    "FollowUp1Recorded" INTEGER NOT NULL,
    "SelfSupporting1" INTEGER NOT NULL,
    "FollowUp3Recorded" INTEGER NOT NULL,
    "SelfSupporting3" INTEGER NOT NULL,
    "FollowUp6Recorded" INTEGER NOT NULL,
    "SelfSupporting6" INTEGER NOT NULL,
    "FollowUp12Recorded" INTEGER NOT NULL,
    "SelfSupporting12" INTEGER NOT NULL,
    "Contacts" INTEGER NOT NULL,
    "PledgedMilli" INTEGER NOT NULL,
    "CooperationActivity" INTEGER NOT NULL,
    CONSTRAINT "PK_YieldCells" PRIMARY KEY ("CompanyId", "Grain", "PeriodStart", "OfferKind", "TargetGroup")
);

CREATE TABLE "YieldCompanies" (
    "CompanyId" TEXT NOT NULL CONSTRAINT "PK_YieldCompanies" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Cvr" TEXT NOT NULL,
    "IndustryCode" TEXT NOT NULL,
    "IndustrySection" TEXT NOT NULL,
    "OrdinaryEmployees" INTEGER NOT NULL,
    "MembershipStatus" TEXT NOT NULL,
    "JoinedOn" TEXT NULL,
    "ResponsibleConsultantId" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "YieldContactFacts" (
    "ContactLogId" TEXT NOT NULL CONSTRAINT "PK_YieldContactFacts" PRIMARY KEY,
    "CompanyId" TEXT NOT NULL,
    "OccurredOn" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "YieldPlacementFacts" (
    "PlacementId" TEXT NOT NULL CONSTRAINT "PK_YieldPlacementFacts" PRIMARY KEY,
    "CompanyId" TEXT NOT NULL,
    "VacancyId" TEXT NULL,
    "OfferKind" TEXT NOT NULL,
    "TargetGroup" TEXT NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "EndedOn" TEXT NULL,
    "EndedEarly" INTEGER NOT NULL,
    "EndResult" TEXT NULL,
    "SelfSupporting1" INTEGER NULL,
    "SelfSupporting3" INTEGER NULL,
    "SelfSupporting6" INTEGER NULL,
    "SelfSupporting12" INTEGER NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "YieldPledgeFacts" (
    "PledgeId" TEXT NOT NULL CONSTRAINT "PK_YieldPledgeFacts" PRIMARY KEY,
    "CompanyId" TEXT NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "OrdinaryJobs" INTEGER NOT NULL,
    "Internships" INTEGER NOT NULL,
    "WageSubsidyJobs" INTEGER NOT NULL,
    "AdultApprenticeships" INTEGER NOT NULL,
    "FlexJobs" INTEGER NOT NULL,
    "Mentors" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "YieldState" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_YieldState" PRIMARY KEY,
    "DaysBookedThrough" TEXT NOT NULL,
    "ProjectionFingerprint" TEXT NOT NULL,
    "RebuiltAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "YieldVacancyFacts" (
    "VacancyId" TEXT NOT NULL CONSTRAINT "PK_YieldVacancyFacts" PRIMARY KEY,
    "CompanyId" TEXT NOT NULL,
    "OfferKind" TEXT NOT NULL,
    "Positions" INTEGER NOT NULL,
    "PostedOn" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE INDEX "IX_YieldCells_Grain_PeriodStart_OfferKind_TargetGroup_CompanyId" ON "YieldCells" ("Grain", "PeriodStart", "OfferKind", "TargetGroup", "CompanyId");

CREATE INDEX "IX_YieldCompanies_IndustrySection" ON "YieldCompanies" ("IndustrySection");

CREATE INDEX "IX_YieldCompanies_ResponsibleConsultantId" ON "YieldCompanies" ("ResponsibleConsultantId");

CREATE INDEX "IX_YieldContactFacts_CompanyId_OccurredOn" ON "YieldContactFacts" ("CompanyId", "OccurredOn");

CREATE INDEX "IX_YieldPlacementFacts_CompanyId_EndedOn" ON "YieldPlacementFacts" ("CompanyId", "EndedOn");

CREATE INDEX "IX_YieldPlacementFacts_CompanyId_StartedOn" ON "YieldPlacementFacts" ("CompanyId", "StartedOn");

CREATE INDEX "IX_YieldPlacementFacts_EndedOn" ON "YieldPlacementFacts" ("EndedOn");

CREATE INDEX "IX_YieldPledgeFacts_CompanyId_PeriodStart" ON "YieldPledgeFacts" ("CompanyId", "PeriodStart");

CREATE INDEX "IX_YieldVacancyFacts_CompanyId_PostedOn" ON "YieldVacancyFacts" ("CompanyId", "PostedOn");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124092128_Yield', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Outcomes" ADD "ObservedOn" TEXT NULL;

CREATE INDEX "IX_Vacancies_PublishedAt" ON "Vacancies" ("PublishedAt");

CREATE INDEX "IX_Pledges_PeriodEnd_PeriodStart" ON "Pledges" ("PeriodEnd", "PeriodStart");

CREATE INDEX "IX_Placements_ActualEnd_ActualStart" ON "Placements" ("ActualEnd", "ActualStart");

CREATE INDEX "IX_ContactLogs_OccurredAt" ON "ContactLogs" ("OccurredAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124093043_OutcomeImportAndExports', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "EffectTargets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EffectTargets" PRIMARY KEY,
    "Year" INTEGER NOT NULL,
    "OfferKind" TEXT NOT NULL,
    "TargetGroup" TEXT NOT NULL,
    "Measure" TEXT NOT NULL,
    "TargetPercent" TEXT NOT NULL,
    "SetBy" TEXT NOT NULL,
    "SetAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_EffectTargets_Year_OfferKind_TargetGroup_Measure" ON "EffectTargets" ("Year", "OfferKind", "TargetGroup", "Measure");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261124093635_EffectTargets', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Pledges" ADD "Version" INTEGER NOT NULL DEFAULT 1;

CREATE TABLE "RuleStamps" (
    "Scope" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "Stamp" INTEGER NOT NULL,
    CONSTRAINT "PK_RuleStamps" PRIMARY KEY ("Scope", "OwnerId")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206084431_RuleStampsAndPledgeVersion', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AspNetUsers" ADD "UiLanguage" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206182131_UiLanguage', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "YieldChanges" (
    "Version" INTEGER NOT NULL,
    "CompanyId" TEXT NOT NULL,
    CONSTRAINT "PK_YieldChanges" PRIMARY KEY ("Version", "CompanyId")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206191837_YieldChangeLog', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "VacancyMatches" ADD "Reasons" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206194033_MatchReasons', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Placements" ADD "ApprovedAt" INTEGER NULL;

ALTER TABLE "Placements" ADD "ApprovedBy" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206211952_PlacementApproval', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
DELETE FROM YieldCells WHERE VacanciesPosted = 0 AND PositionsOffered = 0 AND PlacementsStarted = 0 AND FarFromMarketStarted = 0 AND PlacementDays = 0 AND PlacementsEnded = 0 AND EndedEarly = 0 AND EndResultsRecorded = 0 AND EndedOrdinaryJob = 0 AND EndedFlexJob = 0 AND EndedEducation = 0 AND EndedBackOnBenefits = 0 AND EndedDroppedOut = 0 AND ConversionEnded = 0 AND ConvertedToOrdinaryJob = 0 AND FollowUp1Recorded = 0 AND SelfSupporting1 = 0 AND FollowUp3Recorded = 0 AND SelfSupporting3 = 0 AND FollowUp6Recorded = 0 AND SelfSupporting6 = 0 AND FollowUp12Recorded = 0 AND SelfSupporting12 = 0 AND Contacts = 0 AND CooperationActivity = 0;

CREATE TABLE "ef_temp_YieldCells" (
    "CompanyId" TEXT NOT NULL,
    "Grain" INTEGER NOT NULL,
    "PeriodStart" INTEGER NOT NULL,
    "OfferKind" TEXT NOT NULL,
    "TargetGroup" TEXT NOT NULL,
    "Contacts" INTEGER NOT NULL,
    "ConversionEnded" INTEGER NOT NULL,
    "ConvertedToOrdinaryJob" INTEGER NOT NULL,
    "CooperationActivity" INTEGER NOT NULL,
    "EndResultsRecorded" INTEGER NOT NULL,
    "EndedBackOnBenefits" INTEGER NOT NULL,
    "EndedDroppedOut" INTEGER NOT NULL,
    "EndedEarly" INTEGER NOT NULL,
    "EndedEducation" INTEGER NOT NULL,
    "EndedFlexJob" INTEGER NOT NULL,
    "EndedOrdinaryJob" INTEGER NOT NULL,
    "FarFromMarketStarted" INTEGER NOT NULL,
    "FollowUp12Recorded" INTEGER NOT NULL,
    "FollowUp1Recorded" INTEGER NOT NULL,
    "FollowUp3Recorded" INTEGER NOT NULL,
    "FollowUp6Recorded" INTEGER NOT NULL,
    "PlacementDays" INTEGER NOT NULL,
    "PlacementsEnded" INTEGER NOT NULL,
    "PlacementsStarted" INTEGER NOT NULL,
    "PositionsOffered" INTEGER NOT NULL,
    "SelfSupporting1" INTEGER NOT NULL,
    "SelfSupporting12" INTEGER NOT NULL,
    "SelfSupporting3" INTEGER NOT NULL,
    "SelfSupporting6" INTEGER NOT NULL,
    "VacanciesPosted" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "PK_YieldCells" PRIMARY KEY ("CompanyId", "Grain", "PeriodStart", "OfferKind", "TargetGroup")
);

INSERT INTO "ef_temp_YieldCells" ("CompanyId", "Grain", "PeriodStart", "OfferKind", "TargetGroup", "Contacts", "ConversionEnded", "ConvertedToOrdinaryJob", "CooperationActivity", "EndResultsRecorded", "EndedBackOnBenefits", "EndedDroppedOut", "EndedEarly", "EndedEducation", "EndedFlexJob", "EndedOrdinaryJob", "FarFromMarketStarted", "FollowUp12Recorded", "FollowUp1Recorded", "FollowUp3Recorded", "FollowUp6Recorded", "PlacementDays", "PlacementsEnded", "PlacementsStarted", "PositionsOffered", "SelfSupporting1", "SelfSupporting12", "SelfSupporting3", "SelfSupporting6", "VacanciesPosted", "Version")
SELECT "CompanyId", "Grain", "PeriodStart", "OfferKind", "TargetGroup", "Contacts", "ConversionEnded", "ConvertedToOrdinaryJob", "CooperationActivity", "EndResultsRecorded", "EndedBackOnBenefits", "EndedDroppedOut", "EndedEarly", "EndedEducation", "EndedFlexJob", "EndedOrdinaryJob", "FarFromMarketStarted", "FollowUp12Recorded", "FollowUp1Recorded", "FollowUp3Recorded", "FollowUp6Recorded", "PlacementDays", "PlacementsEnded", "PlacementsStarted", "PositionsOffered", "SelfSupporting1", "SelfSupporting12", "SelfSupporting3", "SelfSupporting6", "VacanciesPosted", "Version"
FROM "YieldCells";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "YieldCells";

ALTER TABLE "ef_temp_YieldCells" RENAME TO "YieldCells";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_YieldCells_Grain_PeriodStart_OfferKind_TargetGroup_CompanyId" ON "YieldCells" ("Grain", "PeriodStart", "OfferKind", "TargetGroup", "CompanyId");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207003008_ExactPledgedPositions', '10.0.12');

BEGIN TRANSACTION;
CREATE TABLE "YieldRebuildBacklog" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_YieldRebuildBacklog" PRIMARY KEY AUTOINCREMENT,
    "Kind" INTEGER NOT NULL,
    "RowId" TEXT NOT NULL
);

CREATE TABLE "YieldRebuildRuns" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_YieldRebuildRuns" PRIMARY KEY,
    "ProjectionFingerprint" TEXT NOT NULL,
    "BookThrough" TEXT NOT NULL,
    "LeaseHolder" TEXT NOT NULL,
    "LeaseExpiresAt" INTEGER NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "Phase" TEXT NOT NULL,
    "Done" INTEGER NOT NULL,
    "Total" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207003336_YieldRebuildAside', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "OutboxMessages" ADD "TraceParent" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207030030_OutboxTraceContext', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Candidates" ADD "ErasedAt" INTEGER NULL;

CREATE TABLE "RetentionRuns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RetentionRuns" PRIMARY KEY,
    "StartedAt" INTEGER NOT NULL,
    "FinishedAt" INTEGER NOT NULL,
    "TriggeredBy" TEXT NOT NULL,
    "DueThrough" TEXT NOT NULL,
    "CandidatesErased" INTEGER NOT NULL,
    "CandidatesSkipped" INTEGER NOT NULL
);

CREATE INDEX "IX_RetentionRuns_StartedAt" ON "RetentionRuns" ("StartedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207030430_Retention', '10.0.12');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "AuditEntries" (
    "Sequence" INTEGER NOT NULL CONSTRAINT "PK_AuditEntries" PRIMARY KEY AUTOINCREMENT,
    "At" INTEGER NOT NULL,
    "ActorUserId" TEXT NOT NULL,
    "ActorEmail" TEXT NULL,
    "ActorRole" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NULL,
    "CandidateId" TEXT NULL,
    "Fields" TEXT NULL,
    "Changes" TEXT NULL,
    "Details" TEXT NULL,
    "RowCount" INTEGER NULL,
    "ChainPosition" INTEGER NULL,
    "PreviousHash" BLOB NULL,
    "Hash" BLOB NULL
);

CREATE TABLE "AuditSubjectKeys" (
    "CandidateId" TEXT NOT NULL CONSTRAINT "PK_AuditSubjectKeys" PRIMARY KEY,
    "Key" BLOB NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_AuditEntries_ActorEmail_At" ON "AuditEntries" ("ActorEmail", "At");

CREATE INDEX "IX_AuditEntries_ActorUserId_At" ON "AuditEntries" ("ActorUserId", "At");

CREATE INDEX "IX_AuditEntries_At" ON "AuditEntries" ("At");

CREATE INDEX "IX_AuditEntries_CandidateId_At" ON "AuditEntries" ("CandidateId", "At");

CREATE UNIQUE INDEX "IX_AuditEntries_ChainPosition" ON "AuditEntries" ("ChainPosition");

CREATE INDEX "IX_AuditEntries_EntityType_EntityId" ON "AuditEntries" ("EntityType", "EntityId");

CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
BEGIN SELECT RAISE(ABORT, 'Audit entries are append-only: they cannot be deleted.'); END;

CREATE TRIGGER "AuditEntries_AppendOnly" BEFORE UPDATE ON "AuditEntries"
WHEN OLD."ChainPosition" IS NOT NULL OR OLD."Hash" IS NOT NULL OR OLD."PreviousHash" IS NOT NULL
  OR NEW."Sequence" IS NOT OLD."Sequence" OR NEW."At" IS NOT OLD."At" OR NEW."ActorUserId" IS NOT OLD."ActorUserId" OR NEW."ActorEmail" IS NOT OLD."ActorEmail" OR NEW."ActorRole" IS NOT OLD."ActorRole" OR NEW."Action" IS NOT OLD."Action" OR NEW."EntityType" IS NOT OLD."EntityType" OR NEW."EntityId" IS NOT OLD."EntityId" OR NEW."CandidateId" IS NOT OLD."CandidateId" OR NEW."Fields" IS NOT OLD."Fields" OR NEW."Changes" IS NOT OLD."Changes" OR NEW."Details" IS NOT OLD."Details" OR NEW."RowCount" IS NOT OLD."RowCount"
BEGIN SELECT RAISE(ABORT, 'Audit entries are append-only: only an unsealed entry may be sealed, once.'); END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261207030502_AuditTrail', '10.0.12');

COMMIT;
