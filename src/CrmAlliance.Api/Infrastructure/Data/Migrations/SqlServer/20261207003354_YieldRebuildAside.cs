using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmAlliance.Api.Infrastructure.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class YieldRebuildAside : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "YieldRebuildBacklog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    RowId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldRebuildBacklog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "YieldRebuildRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    ProjectionFingerprint = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    BookThrough = table.Column<DateOnly>(type: "date", nullable: false),
                    LeaseHolder = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    LeaseExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Phase = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Done = table.Column<long>(type: "bigint", nullable: false),
                    Total = table.Column<long>(type: "bigint", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_YieldRebuildRuns", x => x.Id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "YieldRebuildBacklog");

            migrationBuilder.DropTable(
                name: "YieldRebuildRuns");
        }
    }
}
