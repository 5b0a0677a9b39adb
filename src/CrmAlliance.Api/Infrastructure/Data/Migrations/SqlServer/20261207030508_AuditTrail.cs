using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CrmAlliance.Api.Infrastructure.Data.Migrations.SqlServer
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
                    Sequence = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ActorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ActorEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ActorRole = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    EntityType = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    EntityId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CandidateId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Fields = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    Changes = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Details = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    RowCount = table.Column<int>(type: "int", nullable: true),
                    ChainPosition = table.Column<long>(type: "bigint", nullable: true),
                    PreviousHash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: true),
                    Hash = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "AuditSubjectKeys",
                columns: table => new
                {
                    CandidateId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Key = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                unique: true,
                filter: "[ChainPosition] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            // Append-only (see AuditSealer): no delete; an update only seals an unsealed entry, changing nothing else.
            // CREATE TRIGGER must be the only statement of its batch, and the idempotent script (schema/sqlserver.sql)
            // puts every statement inside IF NOT EXISTS (…) BEGIN … END: so each trigger is created through EXEC.
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER [AuditEntries_NoDelete] ON [AuditEntries] AFTER DELETE AS
                BEGIN
                    SET NOCOUNT ON;
                    THROW 50001, ''Audit entries are append-only: they cannot be deleted.'', 1;
                END');
                """);
            migrationBuilder.Sql("""
                EXEC(N'CREATE TRIGGER [AuditEntries_AppendOnly] ON [AuditEntries] AFTER UPDATE AS
                BEGIN
                    SET NOCOUNT ON;
                    IF EXISTS (
                        SELECT 1 FROM deleted d LEFT JOIN inserted i ON i.[Sequence] = d.[Sequence]
                        WHERE i.[Sequence] IS NULL OR d.[ChainPosition] IS NOT NULL OR d.[Hash] IS NOT NULL OR d.[PreviousHash] IS NOT NULL
                           OR EXISTS (SELECT d.[Sequence], d.[At], d.[ActorUserId], d.[ActorEmail], d.[ActorRole], d.[Action], d.[EntityType], d.[EntityId], d.[CandidateId], d.[Fields], d.[Changes], d.[Details], d.[RowCount] EXCEPT SELECT i.[Sequence], i.[At], i.[ActorUserId], i.[ActorEmail], i.[ActorRole], i.[Action], i.[EntityType], i.[EntityId], i.[CandidateId], i.[Fields], i.[Changes], i.[Details], i.[RowCount]))
                        THROW 50002, ''Audit entries are append-only: only an unsealed entry may be sealed, once.'', 1;
                END');
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
