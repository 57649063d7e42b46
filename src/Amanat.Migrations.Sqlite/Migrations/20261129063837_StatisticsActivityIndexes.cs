using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Amanat.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsActivityIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_GivenOn_Code",
                table: "ServiceRecords",
                columns: new[] { "GivenOn", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_Status_StatusChangedAtUtc_ServiceCode",
                table: "Referrals",
                columns: new[] { "Status", "StatusChangedAtUtc", "ServiceCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ServiceRecords_GivenOn_Code",
                table: "ServiceRecords");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_Status_StatusChangedAtUtc_ServiceCode",
                table: "Referrals");
        }
    }
}
