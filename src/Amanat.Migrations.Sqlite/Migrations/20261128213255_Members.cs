using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Amanat.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Members : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_CreatedById",
                table: "Members");

            migrationBuilder.AddColumn<string>(
                name: "MemberLink",
                table: "ServiceRecords",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "MemberLinkIndex",
                table: "ServiceRecords",
                type: "BLOB",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "BirthYear",
                table: "Members",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CityCode",
                table: "Members",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Contact",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactChannel",
                table: "Members",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "ContactIndex",
                table: "Members",
                type: "BLOB",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Languages",
                table: "Members",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NationalityCode",
                table: "Members",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Members",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "UicIndex",
                table: "Members",
                type: "BLOB",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UpdatedAtUtc",
                table: "Members",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.Sql("UPDATE Members SET UpdatedAtUtc = CreatedAtUtc;");

            migrationBuilder.CreateTable(
                name: "MemberShares",
                columns: table => new
                {
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberShares", x => new { x.MemberId, x.UserId });
                    table.ForeignKey(
                        name: "FK_MemberShares_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MemberShares_StaffUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_MemberLinkIndex",
                table: "ServiceRecords",
                column: "MemberLinkIndex");

            migrationBuilder.CreateIndex(
                name: "IX_Members_ContactIndex",
                table: "Members",
                column: "ContactIndex");

            migrationBuilder.CreateIndex(
                name: "IX_Members_CreatedById_UpdatedAtUtc",
                table: "Members",
                columns: new[] { "CreatedById", "UpdatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_UicIndex",
                table: "Members",
                column: "UicIndex");

            migrationBuilder.CreateIndex(
                name: "IX_MemberShares_UserId",
                table: "MemberShares",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MemberShares");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRecords_MemberLinkIndex",
                table: "ServiceRecords");

            migrationBuilder.DropIndex(
                name: "IX_Members_ContactIndex",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_CreatedById_UpdatedAtUtc",
                table: "Members");

            migrationBuilder.DropIndex(
                name: "IX_Members_UicIndex",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "MemberLink",
                table: "ServiceRecords");

            migrationBuilder.DropColumn(
                name: "MemberLinkIndex",
                table: "ServiceRecords");

            migrationBuilder.DropColumn(
                name: "BirthYear",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "CityCode",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "Contact",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "ContactChannel",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "ContactIndex",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "Languages",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "NationalityCode",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "UicIndex",
                table: "Members");

            migrationBuilder.DropColumn(
                name: "UpdatedAtUtc",
                table: "Members");

            migrationBuilder.CreateIndex(
                name: "IX_Members_CreatedById",
                table: "Members",
                column: "CreatedById");
        }
    }
}
