using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Amanat.Migrations.Postgres.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    PerpetratorId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Index = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false)
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
