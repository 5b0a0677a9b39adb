using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmAlliance.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EffectTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EffectTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TargetGroup = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TargetPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    SetBy = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SetAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EffectTargets", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EffectTargets_Year_OfferKind_TargetGroup_Measure",
                table: "EffectTargets",
                columns: new[] { "Year", "OfferKind", "TargetGroup", "Measure" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EffectTargets");
        }
    }
}
