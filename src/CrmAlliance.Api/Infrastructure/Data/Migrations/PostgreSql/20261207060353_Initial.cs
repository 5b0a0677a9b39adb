using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CrmAlliance.Api.Infrastructure.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ActorEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ActorRole = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: true),
                    Fields = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Changes = table.Column<string>(type: "text", nullable: true),
                    Details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RowCount = table.Column<int>(type: "integer", nullable: true),
                    ChainPosition = table.Column<long>(type: "bigint", nullable: true),
                    PreviousHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true),
                    Hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "AuditSubjectKeys",
                columns: table => new
                {
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditSubjectKeys", x => x.CandidateId);
                });

            migrationBuilder.CreateTable(
                name: "Candidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseReference = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayAlias = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TargetGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SoughtOccupations = table.Column<List<string>>(type: "text[]", nullable: false),
                    Skills = table.Column<List<string>>(type: "text[]", nullable: false),
                    EducationLevel = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HasWorkExperience = table.Column<bool>(type: "boolean", nullable: false),
                    Postcode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    AvailableFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    LastEmployerCvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ErasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Candidates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Companies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Cvr = table.Column<string>(type: "character(8)", fixedLength: true, maxLength: 8, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IndustryCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Postcode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Sector = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    MembershipStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResponsibleConsultantId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Companies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsumerFailures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FaultedMessageId = table.Column<Guid>(type: "uuid", nullable: true),
                    MessageType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExceptionType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExceptionMessage = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Host = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsumerFailures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EffectTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    OfferKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TargetGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Measure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TargetPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    SetBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EffectTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                columns: table => new
                {
                    Consumer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.Consumer, x.MessageId });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    AggregateId = table.Column<Guid>(type: "uuid", nullable: false),
                    MessageType = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClaimedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ClaimedUntil = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TraceParent = table.Column<string>(type: "character varying(55)", maxLength: 55, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    TriggeredBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueThrough = table.Column<DateOnly>(type: "date", nullable: false),
                    CandidatesErased = table.Column<int>(type: "integer", nullable: false),
                    CandidatesSkipped = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RuleStamps",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stamp = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleStamps", x => new { x.Scope, x.OwnerId });
                });

            migrationBuilder.CreateTable(
                name: "YieldCells",
                columns: table => new
                {
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Grain = table.Column<int>(type: "integer", nullable: false),
                    PeriodStart = table.Column<int>(type: "integer", nullable: false),
                    OfferKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TargetGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    VacanciesPosted = table.Column<int>(type: "integer", nullable: false),
                    PositionsOffered = table.Column<int>(type: "integer", nullable: false),
                    PlacementsStarted = table.Column<int>(type: "integer", nullable: false),
                    FarFromMarketStarted = table.Column<int>(type: "integer", nullable: false),
                    PlacementDays = table.Column<int>(type: "integer", nullable: false),
                    PlacementsEnded = table.Column<int>(type: "integer", nullable: false),
                    EndedEarly = table.Column<int>(type: "integer", nullable: false),
                    EndResultsRecorded = table.Column<int>(type: "integer", nullable: false),
                    EndedOrdinaryJob = table.Column<int>(type: "integer", nullable: false),
                    EndedFlexJob = table.Column<int>(type: "integer", nullable: false),
                    EndedEducation = table.Column<int>(type: "integer", nullable: false),
                    EndedBackOnBenefits = table.Column<int>(type: "integer", nullable: false),
                    EndedDroppedOut = table.Column<int>(type: "integer", nullable: false),
                    ConversionEnded = table.Column<int>(type: "integer", nullable: false),
                    ConvertedToOrdinaryJob = table.Column<int>(type: "integer", nullable: false),
                    FollowUp1Recorded = table.Column<int>(type: "integer", nullable: false),
                    SelfSupporting1 = table.Column<int>(type: "integer", nullable: false),
                    FollowUp3Recorded = table.Column<int>(type: "integer", nullable: false),
                    SelfSupporting3 = table.Column<int>(type: "integer", nullable: false),
                    FollowUp6Recorded = table.Column<int>(type: "integer", nullable: false),
                    SelfSupporting6 = table.Column<int>(type: "integer", nullable: false),
                    FollowUp12Recorded = table.Column<int>(type: "integer", nullable: false),
                    SelfSupporting12 = table.Column<int>(type: "integer", nullable: false),
                    Contacts = table.Column<int>(type: "integer", nullable: false),
                    CooperationActivity = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldCells", x => new { x.CompanyId, x.Grain, x.PeriodStart, x.OfferKind, x.TargetGroup });
                });

            migrationBuilder.CreateTable(
                name: "YieldChanges",
                columns: table => new
                {
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldChanges", x => new { x.Version, x.CompanyId });
                });

            migrationBuilder.CreateTable(
                name: "YieldCompanies",
                columns: table => new
                {
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Cvr = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    IndustryCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    IndustrySection = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    OrdinaryEmployees = table.Column<int>(type: "integer", nullable: false),
                    MembershipStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResponsibleConsultantId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldCompanies", x => x.CompanyId);
                });

            migrationBuilder.CreateTable(
                name: "YieldContactFacts",
                columns: table => new
                {
                    ContactLogId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldContactFacts", x => x.ContactLogId);
                });

            migrationBuilder.CreateTable(
                name: "YieldPlacementFacts",
                columns: table => new
                {
                    PlacementId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    VacancyId = table.Column<Guid>(type: "uuid", nullable: true),
                    OfferKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TargetGroup = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedEarly = table.Column<bool>(type: "boolean", nullable: false),
                    EndResult = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SelfSupporting1 = table.Column<bool>(type: "boolean", nullable: true),
                    SelfSupporting3 = table.Column<bool>(type: "boolean", nullable: true),
                    SelfSupporting6 = table.Column<bool>(type: "boolean", nullable: true),
                    SelfSupporting12 = table.Column<bool>(type: "boolean", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldPlacementFacts", x => x.PlacementId);
                });

            migrationBuilder.CreateTable(
                name: "YieldPledgeFacts",
                columns: table => new
                {
                    PledgeId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    OrdinaryJobs = table.Column<int>(type: "integer", nullable: false),
                    Internships = table.Column<int>(type: "integer", nullable: false),
                    WageSubsidyJobs = table.Column<int>(type: "integer", nullable: false),
                    AdultApprenticeships = table.Column<int>(type: "integer", nullable: false),
                    FlexJobs = table.Column<int>(type: "integer", nullable: false),
                    Mentors = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldPledgeFacts", x => x.PledgeId);
                });

            migrationBuilder.CreateTable(
                name: "YieldRebuildBacklog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    RowId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldRebuildBacklog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "YieldRebuildRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    ProjectionFingerprint = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    BookThrough = table.Column<DateOnly>(type: "date", nullable: false),
                    LeaseHolder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Phase = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Done = table.Column<long>(type: "bigint", nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldRebuildRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "YieldState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    DaysBookedThrough = table.Column<DateOnly>(type: "date", nullable: false),
                    ProjectionFingerprint = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RebuiltAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "YieldVacancyFacts",
                columns: table => new
                {
                    VacancyId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfferKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Positions = table.Column<int>(type: "integer", nullable: false),
                    PostedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldVacancyFacts", x => x.VacancyId);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UiLanguage = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CompanyContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    JobTitle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    IsEmployeeRepresentative = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CompanyContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CompanyContacts_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactLogs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConsultantId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FollowUpOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FollowUpDone = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactLogs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactLogs_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Pledges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    OrdinaryJobs = table.Column<int>(type: "integer", nullable: false),
                    Internships = table.Column<int>(type: "integer", nullable: false),
                    WageSubsidyJobs = table.Column<int>(type: "integer", nullable: false),
                    AdultApprenticeships = table.Column<int>(type: "integer", nullable: false),
                    FlexJobs = table.Column<int>(type: "integer", nullable: false),
                    Mentors = table.Column<int>(type: "integer", nullable: false),
                    TargetGroups = table.Column<string[]>(type: "text[]", nullable: false),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pledges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pledges_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Workplaces",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PNumber = table.Column<string>(type: "character(10)", fixedLength: true, maxLength: 10, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Postcode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    OrdinaryEmployees = table.Column<int>(type: "integer", nullable: false),
                    EmployeesReportedFor = table.Column<DateOnly>(type: "date", nullable: false),
                    AverageEmployees12Months = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workplaces", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Workplaces_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    ClaimType = table.Column<string>(type: "text", nullable: true),
                    ClaimValue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    ProviderKey = table.Column<string>(type: "text", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true),
                    UserId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    RoleId = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    LoginProvider = table.Column<string>(type: "text", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Vacancies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkplaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfferKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OccupationCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Positions = table.Column<int>(type: "integer", nullable: false),
                    HoursPerWeek = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ApplicationDeadline = table.Column<DateOnly>(type: "date", nullable: true),
                    RequiredSkills = table.Column<List<string>>(type: "text[]", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vacancies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Vacancies_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Vacancies_Workplaces_WorkplaceId",
                        column: x => x.WorkplaceId,
                        principalTable: "Workplaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Placements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkplaceId = table.Column<Guid>(type: "uuid", nullable: false),
                    VacancyId = table.Column<Guid>(type: "uuid", nullable: true),
                    OfferKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    PlannedStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    ActualStart = table.Column<DateOnly>(type: "date", nullable: true),
                    ActualEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EndReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EmployeeRepStatement_RepresentativeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    EmployeeRepStatement_GivenOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EmployeeRepStatement_IsPositive = table.Column<bool>(type: "boolean", nullable: true),
                    EmployeeRepStatement_Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EmployeeRepStatement_RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    WageSubsidyConfirmation_HeadcountLastMonth = table.Column<int>(type: "integer", nullable: true),
                    WageSubsidyConfirmation_AverageHeadcount12Months = table.Column<decimal>(type: "numeric(9,2)", precision: 9, scale: 2, nullable: true),
                    WageSubsidyConfirmation_NoDismissalWithin3Months = table.Column<bool>(type: "boolean", nullable: true),
                    WageSubsidyConfirmation_ConfirmedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    WageSubsidyConfirmation_ConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ProposedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ApprovedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Placements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Placements_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_Companies_CompanyId",
                        column: x => x.CompanyId,
                        principalTable: "Companies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_Vacancies_VacancyId",
                        column: x => x.VacancyId,
                        principalTable: "Vacancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Placements_Workplaces_WorkplaceId",
                        column: x => x.WorkplaceId,
                        principalTable: "Workplaces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Outcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacementId = table.Column<Guid>(type: "uuid", nullable: false),
                    MonthsAfterEnd = table.Column<int>(type: "integer", nullable: false),
                    EndResult = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SelfSupporting = table.Column<bool>(type: "boolean", nullable: true),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Outcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Outcomes_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RuleExemptions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlacementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rule = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleExemptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RuleExemptions_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VacancyMatches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    VacancyId = table.Column<Guid>(type: "uuid", nullable: false),
                    CandidateId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Explanation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    VacancyAsOf = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MatchedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DismissReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    PlacementId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VacancyMatches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VacancyMatches_Candidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "Candidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_VacancyMatches_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_VacancyMatches_Vacancies_VacancyId",
                        column: x => x.VacancyId,
                        principalTable: "Vacancies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_CompanyId",
                table: "AspNetUsers",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorEmail_At",
                table: "AuditEntries",
                columns: new[] { "ActorEmail", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorUserId_At",
                table: "AuditEntries",
                columns: new[] { "ActorUserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_CandidateId_At",
                table: "AuditEntries",
                columns: new[] { "CandidateId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ChainPosition",
                table: "AuditEntries",
                column: "ChainPosition",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_CaseReference",
                table: "Candidates",
                column: "CaseReference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_TargetGroup_AvailableFrom",
                table: "Candidates",
                columns: new[] { "TargetGroup", "AvailableFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_Candidates_WithdrawnAt_Id",
                table: "Candidates",
                columns: new[] { "WithdrawnAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Cvr",
                table: "Companies",
                column: "Cvr",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Companies_IndustryCode",
                table: "Companies",
                column: "IndustryCode");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_MembershipStatus",
                table: "Companies",
                column: "MembershipStatus");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_Name",
                table: "Companies",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Companies_ResponsibleConsultantId",
                table: "Companies",
                column: "ResponsibleConsultantId");

            migrationBuilder.CreateIndex(
                name: "IX_CompanyContacts_CompanyId",
                table: "CompanyContacts",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsumerFailures_OccurredAt",
                table: "ConsumerFailures",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_ContactLogs_CompanyId_OccurredAt",
                table: "ContactLogs",
                columns: new[] { "CompanyId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactLogs_ConsultantId_FollowUpDone_FollowUpOn",
                table: "ContactLogs",
                columns: new[] { "ConsultantId", "FollowUpDone", "FollowUpOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactLogs_OccurredAt",
                table: "ContactLogs",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_EffectTargets_Year_OfferKind_TargetGroup_Measure",
                table: "EffectTargets",
                columns: new[] { "Year", "OfferKind", "TargetGroup", "Measure" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InboxMessages_ProcessedAt",
                table: "InboxMessages",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_MessageId",
                table: "OutboxMessages",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentAt_Sequence",
                table: "OutboxMessages",
                columns: new[] { "SentAt", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Outcomes_PlacementId_MonthsAfterEnd",
                table: "Outcomes",
                columns: new[] { "PlacementId", "MonthsAfterEnd" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Placements_ActualEnd_ActualStart",
                table: "Placements",
                columns: new[] { "ActualEnd", "ActualStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_CandidateId",
                table: "Placements",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_CompanyId_Status",
                table: "Placements",
                columns: new[] { "CompanyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_CreatedAt",
                table: "Placements",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_PlannedEnd",
                table: "Placements",
                column: "PlannedEnd");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_PlannedStart",
                table: "Placements",
                column: "PlannedStart");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_Status_OfferKind_PlannedStart",
                table: "Placements",
                columns: new[] { "Status", "OfferKind", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_VacancyId",
                table: "Placements",
                column: "VacancyId");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_WorkplaceId_Status_PlannedStart",
                table: "Placements",
                columns: new[] { "WorkplaceId", "Status", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_CompanyId_PeriodStart",
                table: "Pledges",
                columns: new[] { "CompanyId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_PeriodEnd_PeriodStart",
                table: "Pledges",
                columns: new[] { "PeriodEnd", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRuns_StartedAt",
                table: "RetentionRuns",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_RuleExemptions_PlacementId",
                table: "RuleExemptions",
                column: "PlacementId");

            migrationBuilder.CreateIndex(
                name: "IX_RuleExemptions_RecordedAt",
                table: "RuleExemptions",
                column: "RecordedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_CompanyId_Status",
                table: "Vacancies",
                columns: new[] { "CompanyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_OccupationCode",
                table: "Vacancies",
                column: "OccupationCode");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_PublishedAt",
                table: "Vacancies",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_StartDate",
                table: "Vacancies",
                column: "StartDate");

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_Status_ApplicationDeadline",
                table: "Vacancies",
                columns: new[] { "Status", "ApplicationDeadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_Status_OfferKind_StartDate",
                table: "Vacancies",
                columns: new[] { "Status", "OfferKind", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_WorkplaceId",
                table: "Vacancies",
                column: "WorkplaceId");

            migrationBuilder.CreateIndex(
                name: "IX_VacancyMatches_CandidateId",
                table: "VacancyMatches",
                column: "CandidateId");

            migrationBuilder.CreateIndex(
                name: "IX_VacancyMatches_PlacementId",
                table: "VacancyMatches",
                column: "PlacementId");

            migrationBuilder.CreateIndex(
                name: "IX_VacancyMatches_Status",
                table: "VacancyMatches",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_VacancyMatches_VacancyId_Status_Rank",
                table: "VacancyMatches",
                columns: new[] { "VacancyId", "Status", "Rank" });

            migrationBuilder.CreateIndex(
                name: "IX_Workplaces_CompanyId",
                table: "Workplaces",
                column: "CompanyId");

            migrationBuilder.CreateIndex(
                name: "IX_Workplaces_PNumber",
                table: "Workplaces",
                column: "PNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_YieldCells_Grain_PeriodStart_OfferKind_TargetGroup_CompanyId",
                table: "YieldCells",
                columns: new[] { "Grain", "PeriodStart", "OfferKind", "TargetGroup", "CompanyId" });

            migrationBuilder.CreateIndex(
                name: "IX_YieldCompanies_IndustrySection",
                table: "YieldCompanies",
                column: "IndustrySection");

            migrationBuilder.CreateIndex(
                name: "IX_YieldCompanies_ResponsibleConsultantId",
                table: "YieldCompanies",
                column: "ResponsibleConsultantId");

            migrationBuilder.CreateIndex(
                name: "IX_YieldContactFacts_CompanyId_OccurredOn",
                table: "YieldContactFacts",
                columns: new[] { "CompanyId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_YieldPlacementFacts_CompanyId_EndedOn",
                table: "YieldPlacementFacts",
                columns: new[] { "CompanyId", "EndedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_YieldPlacementFacts_CompanyId_StartedOn",
                table: "YieldPlacementFacts",
                columns: new[] { "CompanyId", "StartedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_YieldPlacementFacts_EndedOn",
                table: "YieldPlacementFacts",
                column: "EndedOn");

            migrationBuilder.CreateIndex(
                name: "IX_YieldPledgeFacts_CompanyId_PeriodStart",
                table: "YieldPledgeFacts",
                columns: new[] { "CompanyId", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_YieldVacancyFacts_CompanyId_PostedOn",
                table: "YieldVacancyFacts",
                columns: new[] { "CompanyId", "PostedOn" });

            // The audit trail is append-only (as the SQLite and SQL Server migrations make it): no DELETE or TRUNCATE, and
            // an UPDATE only of an unsealed entry's three sealing columns.
            migrationBuilder.Sql("""
                CREATE FUNCTION "AuditEntries_AppendOnly"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'UPDATE' THEN
                        RAISE EXCEPTION 'Audit entries are append-only: they cannot be deleted.';
                    END IF;
                    IF OLD."ChainPosition" IS NOT NULL OR OLD."Hash" IS NOT NULL OR OLD."PreviousHash" IS NOT NULL
                       OR (OLD."Sequence", OLD."At", OLD."ActorUserId", OLD."ActorEmail", OLD."ActorRole", OLD."Action", OLD."EntityType", OLD."EntityId", OLD."CandidateId", OLD."Fields", OLD."Changes", OLD."Details", OLD."RowCount")
                          IS DISTINCT FROM (NEW."Sequence", NEW."At", NEW."ActorUserId", NEW."ActorEmail", NEW."ActorRole", NEW."Action", NEW."EntityType", NEW."EntityId", NEW."CandidateId", NEW."Fields", NEW."Changes", NEW."Details", NEW."RowCount") THEN
                        RAISE EXCEPTION 'Audit entries are append-only: only an unsealed entry may be sealed, once.';
                    END IF;
                    RETURN NEW;
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_AppendOnly" BEFORE UPDATE OR DELETE ON "AuditEntries"
                FOR EACH ROW EXECUTE FUNCTION "AuditEntries_AppendOnly"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoTruncate" BEFORE TRUNCATE ON "AuditEntries"
                FOR EACH STATEMENT EXECUTE FUNCTION "AuditEntries_AppendOnly"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP FUNCTION "AuditEntries_AppendOnly"() CASCADE;""");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "AuditSubjectKeys");

            migrationBuilder.DropTable(
                name: "CompanyContacts");

            migrationBuilder.DropTable(
                name: "ConsumerFailures");

            migrationBuilder.DropTable(
                name: "ContactLogs");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EffectTargets");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "Outcomes");

            migrationBuilder.DropTable(
                name: "Pledges");

            migrationBuilder.DropTable(
                name: "RetentionRuns");

            migrationBuilder.DropTable(
                name: "RuleExemptions");

            migrationBuilder.DropTable(
                name: "RuleStamps");

            migrationBuilder.DropTable(
                name: "VacancyMatches");

            migrationBuilder.DropTable(
                name: "YieldCells");

            migrationBuilder.DropTable(
                name: "YieldChanges");

            migrationBuilder.DropTable(
                name: "YieldCompanies");

            migrationBuilder.DropTable(
                name: "YieldContactFacts");

            migrationBuilder.DropTable(
                name: "YieldPlacementFacts");

            migrationBuilder.DropTable(
                name: "YieldPledgeFacts");

            migrationBuilder.DropTable(
                name: "YieldRebuildBacklog");

            migrationBuilder.DropTable(
                name: "YieldRebuildRuns");

            migrationBuilder.DropTable(
                name: "YieldState");

            migrationBuilder.DropTable(
                name: "YieldVacancyFacts");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Placements");

            migrationBuilder.DropTable(
                name: "Candidates");

            migrationBuilder.DropTable(
                name: "Vacancies");

            migrationBuilder.DropTable(
                name: "Workplaces");

            migrationBuilder.DropTable(
                name: "Companies");
        }
    }
}
