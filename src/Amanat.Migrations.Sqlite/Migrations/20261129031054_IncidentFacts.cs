using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Amanat.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IncidentFacts",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StationCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Violations = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Perpetrators = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Nationalities = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysDetained = table.Column<int>(type: "INTEGER", nullable: true),
                    MoneyExtortedMinor = table.Column<long>(type: "INTEGER", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    DocumentsTaken = table.Column<bool>(type: "INTEGER", nullable: false),
                    DocumentsReturned = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReportingDelayDays = table.Column<int>(type: "INTEGER", nullable: false),
                    NoComplaint = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
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
