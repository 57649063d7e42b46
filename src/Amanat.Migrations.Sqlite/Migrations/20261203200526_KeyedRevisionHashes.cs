using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Amanat.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KeyedRevisionHashes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HashKeyed",
                table: "IncidentRevisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "DataHashKeyed",
                table: "AuditEvents",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HashKeyed",
                table: "IncidentRevisions");

            migrationBuilder.DropColumn(
                name: "DataHashKeyed",
                table: "AuditEvents");
        }
    }
}
