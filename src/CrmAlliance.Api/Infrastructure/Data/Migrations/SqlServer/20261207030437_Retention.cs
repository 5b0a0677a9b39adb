using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmAlliance.Api.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ErasedAt",
                table: "Candidates",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    TriggeredBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DueThrough = table.Column<DateOnly>(type: "date", nullable: false),
                    CandidatesErased = table.Column<int>(type: "int", nullable: false),
                    CandidatesSkipped = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RetentionRuns_StartedAt",
                table: "RetentionRuns",
                column: "StartedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetentionRuns");

            migrationBuilder.DropColumn(
                name: "ErasedAt",
                table: "Candidates");
        }
    }
}
