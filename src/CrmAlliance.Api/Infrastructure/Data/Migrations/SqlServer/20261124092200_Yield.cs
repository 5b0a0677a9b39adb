using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmAlliance.Api.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Yield : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "YieldCells",
                columns: table => new
                {
                    CompanyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Grain = table.Column<int>(type: "int", nullable: false),
                    PeriodStart = table.Column<int>(type: "int", nullable: false),
                    OfferKind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    TargetGroup = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false),
                    VacanciesPosted = table.Column<int>(type: "int", nullable: false),
                    PositionsOffered = table.Column<int>(type: "int", nullable: false),
                    PlacementsStarted = table.Column<int>(type: "int", nullable: false),
                    FarFromMarketStarted = table.Column<int>(type: "int", nullable: false),
                    PlacementDays = table.Column<int>(type: "int", nullable: false),
                    PlacementsEnded = table.Column<int>(type: "int", nullable: false),
                    EndedEarly = table.Column<int>(type: "int", nullable: false),
                    EndResultsRecorded = table.Column<int>(type: "int", nullable: false),
                    EndedOrdinaryJob = table.Column<int>(type: "int", nullable: false),
                    EndedFlexJob = table.Column<int>(type: "int", nullable: false),
                    EndedEducation = table.Column<int>(type: "int", nullable: false),
                    EndedBackOnBenefits = table.Column<int>(type: "int", nullable: false),
                    EndedDroppedOut = table.Column<int>(type: "int", nullable: false),
                    ConversionEnded = table.Column<int>(type: "int", nullable: false),
                    ConvertedToOrdinaryJob = table.Column<int>(type: "int", nullable: false),
                    FollowUp1Recorded = table.Column<int>(type: "int", nullable: false),
                    SelfSupporting1 = table.Column<int>(type: "int", nullable: false),
                    FollowUp3Recorded = table.Column<int>(type: "int", nullable: false),
                    SelfSupporting3 = table.Column<int>(type: "int", nullable: false),
                    FollowUp6Recorded = table.Column<int>(type: "int", nullable: false),
                    SelfSupporting6 = table.Column<int>(type: "int", nullable: false),
                    FollowUp12Recorded = table.Column<int>(type: "int", nullable: false),
                    SelfSupporting12 = table.Column<int>(type: "int", nullable: false),
                    Contacts = table.Column<int>(type: "int", nullable: false),
                    PledgedMilli = table.Column<long>(type: "bigint", nullable: false),
                    CooperationActivity = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldCells", x => new { x.CompanyId, x.Grain, x.PeriodStart, x.OfferKind, x.TargetGroup });
                });

            migrationBuilder.CreateTable(
                name: "YieldCompanies",
                columns: table => new
                {
                    CompanyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Cvr = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    IndustryCode = table.Column<string>(type: "nvarchar(6)", maxLength: 6, nullable: false),
                    IndustrySection = table.Column<string>(type: "nvarchar(1)", maxLength: 1, nullable: false),
                    OrdinaryEmployees = table.Column<int>(type: "int", nullable: false),
                    MembershipStatus = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ResponsibleConsultantId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldCompanies", x => x.CompanyId);
                });

            migrationBuilder.CreateTable(
                name: "YieldContactFacts",
                columns: table => new
                {
                    ContactLogId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldContactFacts", x => x.ContactLogId);
                });

            migrationBuilder.CreateTable(
                name: "YieldPlacementFacts",
                columns: table => new
                {
                    PlacementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    VacancyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    OfferKind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    TargetGroup = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedEarly = table.Column<bool>(type: "bit", nullable: false),
                    EndResult = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    SelfSupporting1 = table.Column<bool>(type: "bit", nullable: true),
                    SelfSupporting3 = table.Column<bool>(type: "bit", nullable: true),
                    SelfSupporting6 = table.Column<bool>(type: "bit", nullable: true),
                    SelfSupporting12 = table.Column<bool>(type: "bit", nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldPlacementFacts", x => x.PlacementId);
                });

            migrationBuilder.CreateTable(
                name: "YieldPledgeFacts",
                columns: table => new
                {
                    PledgeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    OrdinaryJobs = table.Column<int>(type: "int", nullable: false),
                    Internships = table.Column<int>(type: "int", nullable: false),
                    WageSubsidyJobs = table.Column<int>(type: "int", nullable: false),
                    AdultApprenticeships = table.Column<int>(type: "int", nullable: false),
                    FlexJobs = table.Column<int>(type: "int", nullable: false),
                    Mentors = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldPledgeFacts", x => x.PledgeId);
                });

            migrationBuilder.CreateTable(
                name: "YieldState",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    DaysBookedThrough = table.Column<DateOnly>(type: "date", nullable: false),
                    ProjectionFingerprint = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RebuiltAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldState", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "YieldVacancyFacts",
                columns: table => new
                {
                    VacancyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CompanyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OfferKind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Positions = table.Column<int>(type: "int", nullable: false),
                    PostedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldVacancyFacts", x => x.VacancyId);
                });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "YieldCells");

            migrationBuilder.DropTable(
                name: "YieldCompanies");

            migrationBuilder.DropTable(
                name: "YieldContactFacts");

            migrationBuilder.DropTable(
                name: "YieldPlacementFacts");

            migrationBuilder.DropTable(
                name: "YieldPledgeFacts");

            migrationBuilder.DropTable(
                name: "YieldState");

            migrationBuilder.DropTable(
                name: "YieldVacancyFacts");
        }
    }
}
