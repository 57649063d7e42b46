using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Amanat.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class KeysAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "EncryptedFields",
                table: "PreservedForms");

            migrationBuilder.AddColumn<string>(
                name: "Fields",
                table: "PreservedForms",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: true),
                    Origin = table.Column<int>(type: "integer", nullable: false),
                    Network = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: true),
                    Value = table.Column<long>(type: "bigint", nullable: true),
                    DataHash = table.Column<byte[]>(type: "bytea", maxLength: 64, nullable: true),
                    Mac = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "AuditHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Mac = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditHeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecordKeys",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    DataClass = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "bytea", maxLength: 60, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecordKeys", x => x.OwnerId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_SubjectId",
                table: "AuditEvents",
                column: "SubjectId");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEvents_Type_AtUtc",
                table: "AuditEvents",
                columns: new[] { "Type", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_RecordKeys_Version",
                table: "RecordKeys",
                column: "Version");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEvents");

            migrationBuilder.DropTable(
                name: "AuditHeads");

            migrationBuilder.DropTable(
                name: "RecordKeys");

            migrationBuilder.DropColumn(
                name: "Fields",
                table: "PreservedForms");

            migrationBuilder.AddColumn<string>(
                name: "EncryptedFields",
                table: "PreservedForms",
                type: "text",
                nullable: false,
                defaultValue: "");
        }
    }
}
