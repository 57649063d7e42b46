using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Amanat.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BotAlertsAndReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AlertCity",
                table: "BotChats",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PushedAtUtc",
                table: "Alerts",
                type: "timestamp with time zone",
                nullable: true);

            // Alerts published before the bot could push them are not pushed now.
            migrationBuilder.Sql("UPDATE \"Alerts\" SET \"PushedAtUtc\" = \"PublishedAtUtc\" WHERE \"PublishedAtUtc\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AlertCity",
                table: "BotChats");

            migrationBuilder.DropColumn(
                name: "PushedAtUtc",
                table: "Alerts");
        }
    }
}
