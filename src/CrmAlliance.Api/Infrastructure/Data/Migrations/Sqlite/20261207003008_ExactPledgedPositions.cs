using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmAlliance.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExactPledgedPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Pledged positions are pro-rated from the pledge facts now: cells that held nothing else are empty, and
            // are deleted as the projection deletes a cell that becomes empty. No rebuild is needed. The delete comes
            // before the column's drop, which SQLite does by rebuilding the table: after it, EF warns at every first start.
            migrationBuilder.Sql("DELETE FROM YieldCells WHERE VacanciesPosted = 0 AND PositionsOffered = 0 AND PlacementsStarted = 0 AND FarFromMarketStarted = 0 AND PlacementDays = 0 AND PlacementsEnded = 0 AND EndedEarly = 0 AND EndResultsRecorded = 0 AND EndedOrdinaryJob = 0 AND EndedFlexJob = 0 AND EndedEducation = 0 AND EndedBackOnBenefits = 0 AND EndedDroppedOut = 0 AND ConversionEnded = 0 AND ConvertedToOrdinaryJob = 0 AND FollowUp1Recorded = 0 AND SelfSupporting1 = 0 AND FollowUp3Recorded = 0 AND SelfSupporting3 = 0 AND FollowUp6Recorded = 0 AND SelfSupporting6 = 0 AND FollowUp12Recorded = 0 AND SelfSupporting12 = 0 AND Contacts = 0 AND CooperationActivity = 0;");

            migrationBuilder.DropColumn(
                name: "PledgedMilli",
                table: "YieldCells");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "PledgedMilli",
                table: "YieldCells",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }
    }
}
