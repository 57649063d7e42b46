using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Amanat.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IncidentFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FactsBuiltAtUtc",
                table: "Installations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IncidentFacts",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CityCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    StationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Violations = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Perpetrators = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Nationalities = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    People = table.Column<int>(type: "integer", nullable: false),
                    DaysDetained = table.Column<int>(type: "integer", nullable: true),
                    MoneyExtortedMinor = table.Column<long>(type: "bigint", nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    DocumentsTaken = table.Column<bool>(type: "boolean", nullable: false),
                    DocumentsReturned = table.Column<bool>(type: "boolean", nullable: true),
                    ReportingDelayDays = table.Column<int>(type: "integer", nullable: false),
                    NoComplaint = table.Column<bool>(type: "boolean", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentFacts", x => x.IncidentId);
                    table.ForeignKey(
                        name: "FK_IncidentFacts_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentFacts");

            migrationBuilder.DropColumn(
                name: "FactsBuiltAtUtc",
                table: "Installations");
        }
    }
}
