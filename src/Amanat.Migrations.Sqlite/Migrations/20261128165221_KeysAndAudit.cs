using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Amanat.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditEvents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Origin = table.Column<int>(type: "INTEGER", nullable: false),
                    Network = table.Column<string>(type: "TEXT", maxLength: 48, nullable: true),
                    Value = table.Column<long>(type: "INTEGER", nullable: true),
                    DataHash = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: true),
                    Mac = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEvents", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "AuditHeads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Mac = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditHeads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RecordKeys",
                columns: table => new
                {
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DataClass = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    WrappedKey = table.Column<byte[]>(type: "BLOB", maxLength: 60, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }
    }
}
