using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Amanat.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CommunityReportsAndCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessCodes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Serial = table.Column<int>(type: "INTEGER", nullable: false),
                    CodeIndex = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    IssuedById = table.Column<Guid>(type: "TEXT", nullable: false),
                    IssuedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastUsedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Uses = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessCodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessCodes_StaffUsers_IssuedById",
                        column: x => x.IssuedById,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelfReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReceivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ReferenceHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    SealedContent = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DiscardReason = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ReviewedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReviewedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    WithdrawnAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfReports_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "SelfReportContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reached = table.Column<bool>(type: "INTEGER", nullable: false),
                    StaffId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfReportContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfReportContacts_SelfReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "SelfReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessCodes_CodeIndex",
                table: "AccessCodes",
                column: "CodeIndex",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessCodes_IssuedById",
                table: "AccessCodes",
                column: "IssuedById");

            migrationBuilder.CreateIndex(
                name: "IX_AccessCodes_Serial",
                table: "AccessCodes",
                column: "Serial",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfReportContacts_ReportId",
                table: "SelfReportContacts",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfReports_IncidentId",
                table: "SelfReports",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfReports_ReferenceHash",
                table: "SelfReports",
                column: "ReferenceHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SelfReports_Status_ReceivedAtUtc",
                table: "SelfReports",
                columns: new[] { "Status", "ReceivedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessCodes");

            migrationBuilder.DropTable(
                name: "SelfReportContacts");

            migrationBuilder.DropTable(
                name: "SelfReports");
        }
    }
}
