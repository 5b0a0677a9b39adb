using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmAlliance.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlacementSortIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Placements_CreatedAt",
                table: "Placements",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_PlannedEnd",
                table: "Placements",
                column: "PlannedEnd");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Placements_CreatedAt",
                table: "Placements");

            migrationBuilder.DropIndex(
                name: "IX_Placements_PlannedEnd",
                table: "Placements");
        }
    }
}
