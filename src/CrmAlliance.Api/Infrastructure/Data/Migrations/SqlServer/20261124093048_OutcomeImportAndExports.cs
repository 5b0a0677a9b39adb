using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmAlliance.Api.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OutcomeImportAndExports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ObservedOn",
                table: "Outcomes",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Vacancies_PublishedAt",
                table: "Vacancies",
                column: "PublishedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_PeriodEnd_PeriodStart",
                table: "Pledges",
                columns: new[] { "PeriodEnd", "PeriodStart" });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_ActualEnd_ActualStart",
                table: "Placements",
                columns: new[] { "ActualEnd", "ActualStart" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactLogs_OccurredAt",
                table: "ContactLogs",
                column: "OccurredAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Vacancies_PublishedAt",
                table: "Vacancies");

            migrationBuilder.DropIndex(
                name: "IX_Pledges_PeriodEnd_PeriodStart",
                table: "Pledges");

            migrationBuilder.DropIndex(
                name: "IX_Placements_ActualEnd_ActualStart",
                table: "Placements");

            migrationBuilder.DropIndex(
                name: "IX_ContactLogs_OccurredAt",
                table: "ContactLogs");

            migrationBuilder.DropColumn(
                name: "ObservedOn",
                table: "Outcomes");
        }
    }
}
