using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmAlliance.Api.Infrastructure.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ActorEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ActorRole = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Fields = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Changes = table.Column<string>(type: "TEXT", nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RowCount = table.Column<int>(type: "INTEGER", nullable: true),
                    ChainPosition = table.Column<long>(type: "INTEGER", nullable: true),
                    PreviousHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true),
                    Hash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "AuditSubjectKeys",
                columns: table => new
                {
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditSubjectKeys", x => x.CandidateId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorEmail_At",
                table: "AuditEntries",
                columns: new[] { "ActorEmail", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorUserId_At",
                table: "AuditEntries",
                columns: new[] { "ActorUserId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_CandidateId_At",
                table: "AuditEntries",
                columns: new[] { "CandidateId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ChainPosition",
                table: "AuditEntries",
                column: "ChainPosition",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            // Append-only (see AuditSealer): no delete; an update only seals an unsealed entry, changing nothing else.
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_NoDelete" BEFORE DELETE ON "AuditEntries"
                BEGIN SELECT RAISE(ABORT, 'Audit entries are append-only: they cannot be deleted.'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "AuditEntries_AppendOnly" BEFORE UPDATE ON "AuditEntries"
                WHEN OLD."ChainPosition" IS NOT NULL OR OLD."Hash" IS NOT NULL OR OLD."PreviousHash" IS NOT NULL
                  OR NEW."Sequence" IS NOT OLD."Sequence" OR NEW."At" IS NOT OLD."At" OR NEW."ActorUserId" IS NOT OLD."ActorUserId" OR NEW."ActorEmail" IS NOT OLD."ActorEmail" OR NEW."ActorRole" IS NOT OLD."ActorRole" OR NEW."Action" IS NOT OLD."Action" OR NEW."EntityType" IS NOT OLD."EntityType" OR NEW."EntityId" IS NOT OLD."EntityId" OR NEW."CandidateId" IS NOT OLD."CandidateId" OR NEW."Fields" IS NOT OLD."Fields" OR NEW."Changes" IS NOT OLD."Changes" OR NEW."Details" IS NOT OLD."Details" OR NEW."RowCount" IS NOT OLD."RowCount"
                BEGIN SELECT RAISE(ABORT, 'Audit entries are append-only: only an unsealed entry may be sealed, once.'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "AuditSubjectKeys");
        }
    }
}
