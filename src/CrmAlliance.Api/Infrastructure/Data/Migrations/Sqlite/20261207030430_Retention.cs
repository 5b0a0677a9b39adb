using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmAlliance.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Retention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ErasedAt",
                table: "Candidates",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "RetentionRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    TriggeredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueThrough = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CandidatesErased = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidatesSkipped = table.Column<int>(type: "INTEGER", nullable: false)
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
