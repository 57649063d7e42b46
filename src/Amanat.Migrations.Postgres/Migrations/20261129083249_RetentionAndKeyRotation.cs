using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Amanat.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RetentionAndKeyRotation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<byte[]>(
                name: "DetailMac",
                table: "AuditEvents",
                type: "bytea",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "DetailRemoved",
                table: "AuditEvents",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "RetentionPolicies",
                columns: table => new
                {
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    ChangedById = table.Column<Guid>(type: "uuid", nullable: true),
                    ChangedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RetentionPolicies", x => x.Kind);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RetentionPolicies");

            migrationBuilder.DropColumn(
                name: "DetailMac",
                table: "AuditEvents");

            migrationBuilder.DropColumn(
                name: "DetailRemoved",
                table: "AuditEvents");
        }
    }
}
