IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [Candidates] (
        [Id] uniqueidentifier NOT NULL,
        [CaseReference] nvarchar(64) NOT NULL,
        [DisplayAlias] nvarchar(64) NOT NULL,
        [TargetGroup] nvarchar(32) NOT NULL,
        [SoughtOccupations] nvarchar(max) NOT NULL,
        [Skills] nvarchar(max) NOT NULL,
        [EducationLevel] nvarchar(32) NOT NULL,
        [HasWorkExperience] bit NOT NULL,
        [Postcode] nvarchar(4) NOT NULL,
        [AvailableFrom] date NOT NULL,
        [LastEmployerCvr] nvarchar(8) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Candidates] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [Companies] (
        [Id] uniqueidentifier NOT NULL,
        [Cvr] nchar(8) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [IndustryCode] nvarchar(6) NOT NULL,
        [Address] nvarchar(200) NOT NULL,
        [Postcode] nvarchar(4) NOT NULL,
        [Sector] nvarchar(16) NOT NULL,
        [MembershipStatus] nvarchar(16) NOT NULL,
        [JoinedOn] date NULL,
        [ResponsibleConsultantId] nvarchar(450) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Companies] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(200) NOT NULL,
        [CompanyId] uniqueidentifier NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUsers_Companies_CompanyId] FOREIGN KEY ([CompanyId]) REFERENCES [Companies] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [CompanyContacts] (
        [Id] uniqueidentifier NOT NULL,
        [CompanyId] uniqueidentifier NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [JobTitle] nvarchar(200) NULL,
        [Email] nvarchar(256) NULL,
        [Phone] nvarchar(32) NULL,
        [IsEmployeeRepresentative] bit NOT NULL,
        CONSTRAINT [PK_CompanyContacts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CompanyContacts_Companies_CompanyId] FOREIGN KEY ([CompanyId]) REFERENCES [Companies] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [ContactLogs] (
        [Id] uniqueidentifier NOT NULL,
        [CompanyId] uniqueidentifier NOT NULL,
        [ConsultantId] nvarchar(450) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        [Channel] nvarchar(16) NOT NULL,
        [Summary] nvarchar(4000) NOT NULL,
        [Outcome] nvarchar(1000) NULL,
        [FollowUpOn] date NULL,
        [FollowUpDone] bit NOT NULL,
        CONSTRAINT [PK_ContactLogs] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ContactLogs_Companies_CompanyId] FOREIGN KEY ([CompanyId]) REFERENCES [Companies] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [Pledges] (
        [Id] uniqueidentifier NOT NULL,
        [CompanyId] uniqueidentifier NOT NULL,
        [PeriodStart] date NOT NULL,
        [PeriodEnd] date NOT NULL,
        [OrdinaryJobs] int NOT NULL,
        [Internships] int NOT NULL,
        [WageSubsidyJobs] int NOT NULL,
        [AdultApprenticeships] int NOT NULL,
        [FlexJobs] int NOT NULL,
        [Mentors] int NOT NULL,
        [TargetGroups] nvarchar(max) NOT NULL,
        [Note] nvarchar(4000) NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        [RecordedBy] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_Pledges] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Pledges_Companies_CompanyId] FOREIGN KEY ([CompanyId]) REFERENCES [Companies] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [Workplaces] (
        [Id] uniqueidentifier NOT NULL,
        [CompanyId] uniqueidentifier NOT NULL,
        [PNumber] nchar(10) NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Address] nvarchar(200) NOT NULL,
        [Postcode] nvarchar(4) NOT NULL,
        [OrdinaryEmployees] int NOT NULL,
        [EmployeesReportedFor] date NOT NULL,
        [AverageEmployees12Months] decimal(9,2) NOT NULL,
        CONSTRAINT [PK_Workplaces] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Workplaces_Companies_CompanyId] FOREIGN KEY ([CompanyId]) REFERENCES [Companies] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [Vacancies] (
        [Id] uniqueidentifier NOT NULL,
        [CompanyId] uniqueidentifier NOT NULL,
        [WorkplaceId] uniqueidentifier NOT NULL,
        [OfferKind] nvarchar(32) NOT NULL,
        [OccupationCode] nvarchar(6) NOT NULL,
        [Title] nvarchar(200) NOT NULL,
        [Description] nvarchar(max) NOT NULL,
        [Positions] int NOT NULL,
        [HoursPerWeek] decimal(9,2) NOT NULL,
        [StartDate] date NOT NULL,
        [ApplicationDeadline] date NULL,
        [RequiredSkills] nvarchar(max) NOT NULL,
        [Status] nvarchar(16) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [PublishedAt] datetimeoffset NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Vacancies] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Vacancies_Companies_CompanyId] FOREIGN KEY ([CompanyId]) REFERENCES [Companies] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Vacancies_Workplaces_WorkplaceId] FOREIGN KEY ([WorkplaceId]) REFERENCES [Workplaces] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [Placements] (
        [Id] uniqueidentifier NOT NULL,
        [CandidateId] uniqueidentifier NOT NULL,
        [CompanyId] uniqueidentifier NOT NULL,
        [WorkplaceId] uniqueidentifier NOT NULL,
        [VacancyId] uniqueidentifier NULL,
        [OfferKind] nvarchar(32) NOT NULL,
        [Purpose] nvarchar(16) NULL,
        [PlannedStart] date NOT NULL,
        [PlannedEnd] date NOT NULL,
        [ActualStart] date NULL,
        [ActualEnd] date NULL,
        [Status] nvarchar(16) NOT NULL,
        [EndReason] nvarchar(1000) NULL,
        [EmployeeRepStatement_RepresentativeName] nvarchar(200) NULL,
        [EmployeeRepStatement_GivenOn] date NULL,
        [EmployeeRepStatement_IsPositive] bit NULL,
        [EmployeeRepStatement_Comment] nvarchar(2000) NULL,
        [EmployeeRepStatement_RecordedBy] nvarchar(450) NULL,
        [WageSubsidyConfirmation_HeadcountLastMonth] int NULL,
        [WageSubsidyConfirmation_AverageHeadcount12Months] decimal(9,2) NULL,
        [WageSubsidyConfirmation_NoDismissalWithin3Months] bit NULL,
        [WageSubsidyConfirmation_ConfirmedBy] nvarchar(450) NULL,
        [WageSubsidyConfirmation_ConfirmedAt] datetimeoffset NULL,
        [ProposedBy] nvarchar(450) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Placements] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Placements_Candidates_CandidateId] FOREIGN KEY ([CandidateId]) REFERENCES [Candidates] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Placements_Companies_CompanyId] FOREIGN KEY ([CompanyId]) REFERENCES [Companies] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Placements_Vacancies_VacancyId] FOREIGN KEY ([VacancyId]) REFERENCES [Vacancies] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Placements_Workplaces_WorkplaceId] FOREIGN KEY ([WorkplaceId]) REFERENCES [Workplaces] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [Outcomes] (
        [Id] uniqueidentifier NOT NULL,
        [PlacementId] uniqueidentifier NOT NULL,
        [MonthsAfterEnd] int NOT NULL,
        [EndResult] nvarchar(16) NULL,
        [SelfSupporting] bit NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        [RecordedBy] nvarchar(450) NOT NULL,
        [Source] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_Outcomes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Outcomes_Placements_PlacementId] FOREIGN KEY ([PlacementId]) REFERENCES [Placements] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE TABLE [RuleExemptions] (
        [Id] uniqueidentifier NOT NULL,
        [PlacementId] uniqueidentifier NOT NULL,
        [Rule] nvarchar(32) NOT NULL,
        [Reason] nvarchar(1000) NOT NULL,
        [RecordedBy] nvarchar(450) NOT NULL,
        [RecordedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_RuleExemptions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RuleExemptions_Placements_PlacementId] FOREIGN KEY ([PlacementId]) REFERENCES [Placements] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_CompanyId] ON [AspNetUsers] ([CompanyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Candidates_CaseReference] ON [Candidates] ([CaseReference]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Candidates_TargetGroup_AvailableFrom] ON [Candidates] ([TargetGroup], [AvailableFrom]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Companies_Cvr] ON [Companies] ([Cvr]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Companies_IndustryCode] ON [Companies] ([IndustryCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Companies_MembershipStatus] ON [Companies] ([MembershipStatus]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Companies_Name] ON [Companies] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Companies_ResponsibleConsultantId] ON [Companies] ([ResponsibleConsultantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_CompanyContacts_CompanyId] ON [CompanyContacts] ([CompanyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_ContactLogs_CompanyId_OccurredAt] ON [ContactLogs] ([CompanyId], [OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_ContactLogs_ConsultantId_FollowUpDone_FollowUpOn] ON [ContactLogs] ([ConsultantId], [FollowUpDone], [FollowUpOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Outcomes_PlacementId_MonthsAfterEnd] ON [Outcomes] ([PlacementId], [MonthsAfterEnd]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Placements_CandidateId] ON [Placements] ([CandidateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Placements_CompanyId_Status] ON [Placements] ([CompanyId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Placements_PlannedStart] ON [Placements] ([PlannedStart]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Placements_Status_OfferKind_PlannedStart] ON [Placements] ([Status], [OfferKind], [PlannedStart]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Placements_VacancyId] ON [Placements] ([VacancyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Placements_WorkplaceId_Status_PlannedStart] ON [Placements] ([WorkplaceId], [Status], [PlannedStart]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Pledges_CompanyId_PeriodStart] ON [Pledges] ([CompanyId], [PeriodStart]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_RuleExemptions_PlacementId] ON [RuleExemptions] ([PlacementId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_RuleExemptions_RecordedAt] ON [RuleExemptions] ([RecordedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Vacancies_CompanyId_Status] ON [Vacancies] ([CompanyId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Vacancies_OccupationCode] ON [Vacancies] ([OccupationCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Vacancies_StartDate] ON [Vacancies] ([StartDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Vacancies_Status_ApplicationDeadline] ON [Vacancies] ([Status], [ApplicationDeadline]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Vacancies_Status_OfferKind_StartDate] ON [Vacancies] ([Status], [OfferKind], [StartDate]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Vacancies_WorkplaceId] ON [Vacancies] ([WorkplaceId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE INDEX [IX_Workplaces_CompanyId] ON [Workplaces] ([CompanyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Workplaces_PNumber] ON [Workplaces] ([PNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124054754_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124054754_Initial', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063329_PlacementSortIndexes'
)
BEGIN
    CREATE INDEX [IX_Placements_CreatedAt] ON [Placements] ([CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063329_PlacementSortIndexes'
)
BEGIN
    CREATE INDEX [IX_Placements_PlannedEnd] ON [Placements] ([PlannedEnd]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124063329_PlacementSortIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124063329_PlacementSortIndexes', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    ALTER TABLE [Candidates] ADD [UpdatedAt] datetimeoffset NOT NULL DEFAULT '0001-01-01T00:00:00.0000000+00:00';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    ALTER TABLE [Candidates] ADD [WithdrawalReason] nvarchar(500) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    ALTER TABLE [Candidates] ADD [WithdrawnAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    CREATE TABLE [ConsumerFailures] (
        [Id] uniqueidentifier NOT NULL,
        [FaultedMessageId] uniqueidentifier NULL,
        [MessageType] nvarchar(200) NOT NULL,
        [ExceptionType] nvarchar(200) NOT NULL,
        [ExceptionMessage] nvarchar(2000) NOT NULL,
        [Host] nvarchar(200) NOT NULL,
        [OccurredAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_ConsumerFailures] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    CREATE TABLE [InboxMessages] (
        [Consumer] nvarchar(100) NOT NULL,
        [MessageId] uniqueidentifier NOT NULL,
        [ProcessedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_InboxMessages] PRIMARY KEY ([Consumer], [MessageId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    CREATE TABLE [OutboxMessages] (
        [Sequence] bigint NOT NULL IDENTITY,
        [MessageId] uniqueidentifier NOT NULL,
        [AggregateId] uniqueidentifier NOT NULL,
        [MessageType] nvarchar(64) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [SentAt] datetimeoffset NULL,
        [Attempts] int NOT NULL,
        [NextAttemptAt] datetimeoffset NULL,
        [LastError] nvarchar(1000) NULL,
        [ClaimedBy] uniqueidentifier NULL,
        [ClaimedUntil] datetimeoffset NULL,
        CONSTRAINT [PK_OutboxMessages] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    CREATE TABLE [VacancyMatches] (
        [Id] uniqueidentifier NOT NULL,
        [VacancyId] uniqueidentifier NOT NULL,
        [CandidateId] uniqueidentifier NOT NULL,
        [Rank] int NOT NULL,
        [Score] float NOT NULL,
        [Explanation] nvarchar(300) NOT NULL,
        [VacancyAsOf] datetimeoffset NOT NULL,
        [MatchedAt] datetimeoffset NOT NULL,
        [Status] nvarchar(16) NOT NULL,
        [DecidedAt] datetimeoffset NULL,
        [DecidedBy] nvarchar(450) NULL,
        [DismissReason] nvarchar(500) NULL,
        [PlacementId] uniqueidentifier NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_VacancyMatches] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_VacancyMatches_Candidates_CandidateId] FOREIGN KEY ([CandidateId]) REFERENCES [Candidates] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_VacancyMatches_Placements_PlacementId] FOREIGN KEY ([PlacementId]) REFERENCES [Placements] ([Id]) ON DELETE SET NULL,
        CONSTRAINT [FK_VacancyMatches_Vacancies_VacancyId] FOREIGN KEY ([VacancyId]) REFERENCES [Vacancies] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    CREATE INDEX [IX_Candidates_WithdrawnAt_Id] ON [Candidates] ([WithdrawnAt], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    CREATE INDEX [IX_ConsumerFailures_OccurredAt] ON [ConsumerFailures] ([OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    CREATE INDEX [IX_InboxMessages_ProcessedAt] ON [InboxMessages] ([ProcessedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OutboxMessages_MessageId] ON [OutboxMessages] ([MessageId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_SentAt_Sequence] ON [OutboxMessages] ([SentAt], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    CREATE INDEX [IX_VacancyMatches_CandidateId] ON [VacancyMatches] ([CandidateId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    CREATE INDEX [IX_VacancyMatches_PlacementId] ON [VacancyMatches] ([PlacementId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    CREATE INDEX [IX_VacancyMatches_Status] ON [VacancyMatches] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    CREATE INDEX [IX_VacancyMatches_VacancyId_Status_Rank] ON [VacancyMatches] ([VacancyId], [Status], [Rank]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124065856_Messaging'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124065856_Messaging', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE TABLE [YieldCells] (
        [CompanyId] uniqueidentifier NOT NULL,
        [Grain] int NOT NULL,
        [PeriodStart] int NOT NULL,
        [OfferKind] nvarchar(32) NOT NULL,
        [TargetGroup] nvarchar(32) NOT NULL,
        [Version] int NOT NULL,
        [VacanciesPosted] int NOT NULL,
        [PositionsOffered] int NOT NULL,
        [PlacementsStarted] int NOT NULL,
        [FarFromMarketStarted] int NOT NULL,
        [PlacementDays] int NOT NULL,
        [PlacementsEnded] int NOT NULL,
        [EndedEarly] int NOT NULL,
        [EndResultsRecorded] int NOT NULL,
        [EndedOrdinaryJob] int NOT NULL,
        [EndedFlexJob] int NOT NULL,
        [EndedEducation] int NOT NULL,
        [EndedBackOnBenefits] int NOT NULL,
        [EndedDroppedOut] int NOT NULL,
        [ConversionEnded] int NOT NULL,
        [ConvertedToOrdinaryJob] int NOT NULL,
        [FollowUp1Recorded] int NOT NULL,
        [SelfSupporting1] int NOT NULL,
        [FollowUp3Recorded] int NOT NULL,
        [SelfSupporting3] int NOT NULL,
        [FollowUp6Recorded] int NOT NULL,
        [SelfSupporting6] int NOT NULL,
        [FollowUp12Recorded] int NOT NULL,
        [SelfSupporting12] int NOT NULL,
        [Contacts] int NOT NULL,
        [PledgedMilli] bigint NOT NULL,
        [CooperationActivity] int NOT NULL,
        CONSTRAINT [PK_YieldCells] PRIMARY KEY ([CompanyId], [Grain], [PeriodStart], [OfferKind], [TargetGroup])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE TABLE [YieldCompanies] (
        [CompanyId] uniqueidentifier NOT NULL,
        [Name] nvarchar(200) NOT NULL,
        [Cvr] nvarchar(8) NOT NULL,
        [IndustryCode] nvarchar(6) NOT NULL,
        [IndustrySection] nvarchar(1) NOT NULL,
        [OrdinaryEmployees] int NOT NULL,
        [MembershipStatus] nvarchar(16) NOT NULL,
        [JoinedOn] date NULL,
        [ResponsibleConsultantId] nvarchar(450) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_YieldCompanies] PRIMARY KEY ([CompanyId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE TABLE [YieldContactFacts] (
        [ContactLogId] uniqueidentifier NOT NULL,
        [CompanyId] uniqueidentifier NOT NULL,
        [OccurredOn] date NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_YieldContactFacts] PRIMARY KEY ([ContactLogId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE TABLE [YieldPlacementFacts] (
        [PlacementId] uniqueidentifier NOT NULL,
        [CompanyId] uniqueidentifier NOT NULL,
        [VacancyId] uniqueidentifier NULL,
        [OfferKind] nvarchar(32) NOT NULL,
        [TargetGroup] nvarchar(32) NOT NULL,
        [StartedOn] date NOT NULL,
        [EndedOn] date NULL,
        [EndedEarly] bit NOT NULL,
        [EndResult] nvarchar(16) NULL,
        [SelfSupporting1] bit NULL,
        [SelfSupporting3] bit NULL,
        [SelfSupporting6] bit NULL,
        [SelfSupporting12] bit NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_YieldPlacementFacts] PRIMARY KEY ([PlacementId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE TABLE [YieldPledgeFacts] (
        [PledgeId] uniqueidentifier NOT NULL,
        [CompanyId] uniqueidentifier NOT NULL,
        [PeriodStart] date NOT NULL,
        [PeriodEnd] date NOT NULL,
        [OrdinaryJobs] int NOT NULL,
        [Internships] int NOT NULL,
        [WageSubsidyJobs] int NOT NULL,
        [AdultApprenticeships] int NOT NULL,
        [FlexJobs] int NOT NULL,
        [Mentors] int NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_YieldPledgeFacts] PRIMARY KEY ([PledgeId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE TABLE [YieldState] (
        [Id] int NOT NULL,
        [DaysBookedThrough] date NOT NULL,
        [ProjectionFingerprint] nvarchar(16) NOT NULL,
        [RebuiltAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_YieldState] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE TABLE [YieldVacancyFacts] (
        [VacancyId] uniqueidentifier NOT NULL,
        [CompanyId] uniqueidentifier NOT NULL,
        [OfferKind] nvarchar(32) NOT NULL,
        [Positions] int NOT NULL,
        [PostedOn] date NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_YieldVacancyFacts] PRIMARY KEY ([VacancyId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE INDEX [IX_YieldCells_Grain_PeriodStart_OfferKind_TargetGroup_CompanyId] ON [YieldCells] ([Grain], [PeriodStart], [OfferKind], [TargetGroup], [CompanyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE INDEX [IX_YieldCompanies_IndustrySection] ON [YieldCompanies] ([IndustrySection]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE INDEX [IX_YieldCompanies_ResponsibleConsultantId] ON [YieldCompanies] ([ResponsibleConsultantId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE INDEX [IX_YieldContactFacts_CompanyId_OccurredOn] ON [YieldContactFacts] ([CompanyId], [OccurredOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE INDEX [IX_YieldPlacementFacts_CompanyId_EndedOn] ON [YieldPlacementFacts] ([CompanyId], [EndedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE INDEX [IX_YieldPlacementFacts_CompanyId_StartedOn] ON [YieldPlacementFacts] ([CompanyId], [StartedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE INDEX [IX_YieldPlacementFacts_EndedOn] ON [YieldPlacementFacts] ([EndedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE INDEX [IX_YieldPledgeFacts_CompanyId_PeriodStart] ON [YieldPledgeFacts] ([CompanyId], [PeriodStart]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    CREATE INDEX [IX_YieldVacancyFacts_CompanyId_PostedOn] ON [YieldVacancyFacts] ([CompanyId], [PostedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124092200_Yield'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124092200_Yield', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124093048_OutcomeImportAndExports'
)
BEGIN
    ALTER TABLE [Outcomes] ADD [ObservedOn] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124093048_OutcomeImportAndExports'
)
BEGIN
    CREATE INDEX [IX_Vacancies_PublishedAt] ON [Vacancies] ([PublishedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124093048_OutcomeImportAndExports'
)
BEGIN
    CREATE INDEX [IX_Pledges_PeriodEnd_PeriodStart] ON [Pledges] ([PeriodEnd], [PeriodStart]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124093048_OutcomeImportAndExports'
)
BEGIN
    CREATE INDEX [IX_Placements_ActualEnd_ActualStart] ON [Placements] ([ActualEnd], [ActualStart]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124093048_OutcomeImportAndExports'
)
BEGIN
    CREATE INDEX [IX_ContactLogs_OccurredAt] ON [ContactLogs] ([OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124093048_OutcomeImportAndExports'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124093048_OutcomeImportAndExports', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124093641_EffectTargets'
)
BEGIN
    CREATE TABLE [EffectTargets] (
        [Id] uniqueidentifier NOT NULL,
        [Year] int NOT NULL,
        [OfferKind] nvarchar(32) NOT NULL,
        [TargetGroup] nvarchar(32) NOT NULL,
        [Measure] nvarchar(32) NOT NULL,
        [TargetPercent] decimal(5,2) NOT NULL,
        [SetBy] nvarchar(450) NOT NULL,
        [SetAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_EffectTargets] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124093641_EffectTargets'
)
BEGIN
    CREATE UNIQUE INDEX [IX_EffectTargets_Year_OfferKind_TargetGroup_Measure] ON [EffectTargets] ([Year], [OfferKind], [TargetGroup], [Measure]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261124093641_EffectTargets'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261124093641_EffectTargets', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206084434_RuleStampsAndPledgeVersion'
)
BEGIN
    ALTER TABLE [Pledges] ADD [Version] int NOT NULL DEFAULT 1;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206084434_RuleStampsAndPledgeVersion'
)
BEGIN
    CREATE TABLE [RuleStamps] (
        [Scope] nvarchar(50) NOT NULL,
        [OwnerId] uniqueidentifier NOT NULL,
        [Stamp] int NOT NULL,
        CONSTRAINT [PK_RuleStamps] PRIMARY KEY ([Scope], [OwnerId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206084434_RuleStampsAndPledgeVersion'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206084434_RuleStampsAndPledgeVersion', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206182136_UiLanguage'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [UiLanguage] nvarchar(8) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206182136_UiLanguage'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206182136_UiLanguage', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206191840_YieldChangeLog'
)
BEGIN
    CREATE TABLE [YieldChanges] (
        [Version] int NOT NULL,
        [CompanyId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_YieldChanges] PRIMARY KEY ([Version], [CompanyId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206191840_YieldChangeLog'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206191840_YieldChangeLog', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206194045_MatchReasons'
)
BEGIN
    ALTER TABLE [VacancyMatches] ADD [Reasons] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206194045_MatchReasons'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206194045_MatchReasons', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206211956_PlacementApproval'
)
BEGIN
    ALTER TABLE [Placements] ADD [ApprovedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206211956_PlacementApproval'
)
BEGIN
    ALTER TABLE [Placements] ADD [ApprovedBy] nvarchar(450) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206211956_PlacementApproval'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206211956_PlacementApproval', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207003022_ExactPledgedPositions'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[YieldCells]') AND [c].[name] = N'PledgedMilli');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [YieldCells] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [YieldCells] DROP COLUMN [PledgedMilli];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207003022_ExactPledgedPositions'
)
BEGIN
    DELETE FROM YieldCells WHERE VacanciesPosted = 0 AND PositionsOffered = 0 AND PlacementsStarted = 0 AND FarFromMarketStarted = 0 AND PlacementDays = 0 AND PlacementsEnded = 0 AND EndedEarly = 0 AND EndResultsRecorded = 0 AND EndedOrdinaryJob = 0 AND EndedFlexJob = 0 AND EndedEducation = 0 AND EndedBackOnBenefits = 0 AND EndedDroppedOut = 0 AND ConversionEnded = 0 AND ConvertedToOrdinaryJob = 0 AND FollowUp1Recorded = 0 AND SelfSupporting1 = 0 AND FollowUp3Recorded = 0 AND SelfSupporting3 = 0 AND FollowUp6Recorded = 0 AND SelfSupporting6 = 0 AND FollowUp12Recorded = 0 AND SelfSupporting12 = 0 AND Contacts = 0 AND CooperationActivity = 0;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207003022_ExactPledgedPositions'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207003022_ExactPledgedPositions', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207003354_YieldRebuildAside'
)
BEGIN
    CREATE TABLE [YieldRebuildBacklog] (
        [Id] bigint NOT NULL IDENTITY,
        [Kind] int NOT NULL,
        [RowId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_YieldRebuildBacklog] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207003354_YieldRebuildAside'
)
BEGIN
    CREATE TABLE [YieldRebuildRuns] (
        [Id] int NOT NULL,
        [ProjectionFingerprint] nvarchar(16) NOT NULL,
        [BookThrough] date NOT NULL,
        [LeaseHolder] nvarchar(200) NOT NULL,
        [LeaseExpiresAt] datetimeoffset NOT NULL,
        [StartedAt] datetimeoffset NOT NULL,
        [Phase] nvarchar(16) NOT NULL,
        [Done] bigint NOT NULL,
        [Total] bigint NOT NULL,
        [UpdatedAt] datetimeoffset NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_YieldRebuildRuns] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207003354_YieldRebuildAside'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207003354_YieldRebuildAside', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030035_OutboxTraceContext'
)
BEGIN
    ALTER TABLE [OutboxMessages] ADD [TraceParent] nvarchar(55) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030035_OutboxTraceContext'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207030035_OutboxTraceContext', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030437_Retention'
)
BEGIN
    ALTER TABLE [Candidates] ADD [ErasedAt] datetimeoffset NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030437_Retention'
)
BEGIN
    CREATE TABLE [RetentionRuns] (
        [Id] uniqueidentifier NOT NULL,
        [StartedAt] datetimeoffset NOT NULL,
        [FinishedAt] datetimeoffset NOT NULL,
        [TriggeredBy] nvarchar(200) NOT NULL,
        [DueThrough] date NOT NULL,
        [CandidatesErased] int NOT NULL,
        [CandidatesSkipped] int NOT NULL,
        CONSTRAINT [PK_RetentionRuns] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030437_Retention'
)
BEGIN
    CREATE INDEX [IX_RetentionRuns_StartedAt] ON [RetentionRuns] ([StartedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030437_Retention'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207030437_Retention', N'10.0.12');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030508_AuditTrail'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Sequence] bigint NOT NULL IDENTITY,
        [At] datetimeoffset NOT NULL,
        [ActorUserId] nvarchar(450) NOT NULL,
        [ActorEmail] nvarchar(256) NULL,
        [ActorRole] nvarchar(16) NOT NULL,
        [Action] nvarchar(16) NOT NULL,
        [EntityType] nvarchar(64) NOT NULL,
        [EntityId] nvarchar(200) NULL,
        [CandidateId] uniqueidentifier NULL,
        [Fields] nvarchar(2000) NULL,
        [Changes] nvarchar(max) NULL,
        [Details] nvarchar(4000) NULL,
        [RowCount] int NULL,
        [ChainPosition] bigint NULL,
        [PreviousHash] varbinary(32) NULL,
        [Hash] varbinary(32) NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030508_AuditTrail'
)
BEGIN
    CREATE TABLE [AuditSubjectKeys] (
        [CandidateId] uniqueidentifier NOT NULL,
        [Key] varbinary(32) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        CONSTRAINT [PK_AuditSubjectKeys] PRIMARY KEY ([CandidateId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030508_AuditTrail'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_ActorEmail_At] ON [AuditEntries] ([ActorEmail], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030508_AuditTrail'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_ActorUserId_At] ON [AuditEntries] ([ActorUserId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030508_AuditTrail'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_At] ON [AuditEntries] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030508_AuditTrail'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_CandidateId_At] ON [AuditEntries] ([CandidateId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030508_AuditTrail'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_AuditEntries_ChainPosition] ON [AuditEntries] ([ChainPosition]) WHERE [ChainPosition] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030508_AuditTrail'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_EntityType_EntityId] ON [AuditEntries] ([EntityType], [EntityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030508_AuditTrail'
)
BEGIN
    EXEC(N'CREATE TRIGGER [AuditEntries_NoDelete] ON [AuditEntries] AFTER DELETE AS
    BEGIN
        SET NOCOUNT ON;
        THROW 50001, ''Audit entries are append-only: they cannot be deleted.'', 1;
    END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030508_AuditTrail'
)
BEGIN
    EXEC(N'CREATE TRIGGER [AuditEntries_AppendOnly] ON [AuditEntries] AFTER UPDATE AS
    BEGIN
        SET NOCOUNT ON;
        IF EXISTS (
            SELECT 1 FROM deleted d LEFT JOIN inserted i ON i.[Sequence] = d.[Sequence]
            WHERE i.[Sequence] IS NULL OR d.[ChainPosition] IS NOT NULL OR d.[Hash] IS NOT NULL OR d.[PreviousHash] IS NOT NULL
               OR EXISTS (SELECT d.[Sequence], d.[At], d.[ActorUserId], d.[ActorEmail], d.[ActorRole], d.[Action], d.[EntityType], d.[EntityId], d.[CandidateId], d.[Fields], d.[Changes], d.[Details], d.[RowCount] EXCEPT SELECT i.[Sequence], i.[At], i.[ActorUserId], i.[ActorEmail], i.[ActorRole], i.[Action], i.[EntityType], i.[EntityId], i.[CandidateId], i.[Fields], i.[Changes], i.[Details], i.[RowCount]))
            THROW 50002, ''Audit entries are append-only: only an unsealed entry may be sealed, once.'', 1;
    END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261207030508_AuditTrail'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261207030508_AuditTrail', N'10.0.12');
END;

COMMIT;
GO
