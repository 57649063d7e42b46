using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Amanat.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PerpetratorIdentifiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PerpetratorIdentifiers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PerpetratorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Index = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerpetratorIdentifiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PerpetratorIdentifiers_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PerpetratorIdentifiers_IncidentId",
                table: "PerpetratorIdentifiers",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_PerpetratorIdentifiers_Kind_Index",
                table: "PerpetratorIdentifiers",
                columns: new[] { "Kind", "Index" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PerpetratorIdentifiers");
        }
    }
}
