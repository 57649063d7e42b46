using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Amanat.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OutreachTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutreachShifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PlaceCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    AnonymousNew = table.Column<int>(type: "INTEGER", nullable: false),
                    AnonymousReturning = table.Column<int>(type: "INTEGER", nullable: false),
                    Condoms = table.Column<int>(type: "INTEGER", nullable: false),
                    Lubricants = table.Column<int>(type: "INTEGER", nullable: false),
                    Leaflets = table.Column<int>(type: "INTEGER", nullable: false),
                    Other = table.Column<int>(type: "INTEGER", nullable: false),
                    ById = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachShifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutreachShifts_StaffUsers_ById",
                        column: x => x.ById,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutreachContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShiftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UicIndex = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    IsNew = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutreachContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutreachContacts_OutreachShifts_ShiftId",
                        column: x => x.ShiftId,
                        principalTable: "OutreachShifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutreachContacts_ShiftId",
                table: "OutreachContacts",
                column: "ShiftId");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachContacts_UicIndex",
                table: "OutreachContacts",
                column: "UicIndex");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachShifts_ById",
                table: "OutreachShifts",
                column: "ById");

            migrationBuilder.CreateIndex(
                name: "IX_OutreachShifts_Date_CityCode",
                table: "OutreachShifts",
                columns: new[] { "Date", "CityCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutreachContacts");

            migrationBuilder.DropTable(
                name: "OutreachShifts");
        }
    }
}
