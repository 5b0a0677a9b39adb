using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmAlliance.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RuleStampsAndPledgeVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Pledges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // existing pledges start at version 1, like new ones

            migrationBuilder.CreateTable(
                name: "RuleStamps",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stamp = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleStamps", x => new { x.Scope, x.OwnerId });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RuleStamps");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Pledges");
        }
    }
}
