using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmAlliance.Api.Infrastructure.Data.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    OfferKind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    TargetGroup = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Measure = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    TargetPercent = table.Column<decimal>(type: "decimal(5,2)", precision: 5, scale: 2, nullable: false),
                    SetBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
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
