using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Amanat.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Incidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OccurredAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    DurationDays = table.Column<int>(type: "integer", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CityCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PlaceCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    StationCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    UnnamedPeople = table.Column<int>(type: "integer", nullable: false),
                    DaysDetained = table.Column<int>(type: "integer", nullable: true),
                    DocumentsTaken = table.Column<bool>(type: "boolean", nullable: false),
                    DocumentsReturned = table.Column<bool>(type: "boolean", nullable: true),
                    MoneyExtortedMinor = table.Column<long>(type: "bigint", nullable: true),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    ComplaintCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    OutcomeCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SourceCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ReliabilityCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AssignedLawyerId = table.Column<Guid>(type: "uuid", nullable: true),
                    ComplaintNote = table.Column<string>(type: "text", nullable: true),
                    Injuries = table.Column<string>(type: "text", nullable: true),
                    Narrative = table.Column<string>(type: "text", nullable: true),
                    PlaceNote = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_StaffUsers_AssignedLawyerId",
                        column: x => x.AssignedLawyerId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Incidents_StaffUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WorkingName = table.Column<string>(type: "text", nullable: true),
                    WorkingNameIndex = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Members_StaffUsers_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VocabularyEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LabelEn = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LabelRu = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LabelKk = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LabelUz = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    RetiredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VocabularyEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AffectedPeople",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    MemberLink = table.Column<string>(type: "text", nullable: true),
                    MemberLinkIndex = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AffectedPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AffectedPeople_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentRevisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    ChangedById = table.Column<Guid>(type: "uuid", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Fields = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Hash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    Changes = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentRevisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentRevisions_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentShares",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentShares", x => new { x.IncidentId, x.UserId });
                    table.ForeignKey(
                        name: "FK_IncidentShares_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_IncidentShares_StaffUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "StaffUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentViolations",
                columns: table => new
                {
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentViolations", x => new { x.IncidentId, x.Code });
                    table.ForeignKey(
                        name: "FK_IncidentViolations_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Perpetrators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: true),
                    InvolvementCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Badge = table.Column<string>(type: "text", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: true),
                    Name = table.Column<string>(type: "text", nullable: true),
                    Phones = table.Column<string>(type: "text", nullable: true),
                    Plate = table.Column<string>(type: "text", nullable: true),
                    Rank = table.Column<string>(type: "text", nullable: true),
                    Vehicle = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Perpetrators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Perpetrators_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GivenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    GivenById = table.Column<Guid>(type: "uuid", nullable: false),
                    Nights = table.Column<int>(type: "integer", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "text", nullable: true),
                    Provider = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceRecords_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scope = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Value = table.Column<int>(type: "integer", nullable: false),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsentRecords_AffectedPeople_PersonId",
                        column: x => x.PersonId,
                        principalTable: "AffectedPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AffectedPeople_IncidentId",
                table: "AffectedPeople",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_AffectedPeople_MemberLinkIndex",
                table: "AffectedPeople",
                column: "MemberLinkIndex");

            migrationBuilder.CreateIndex(
                name: "IX_ConsentRecords_PersonId_Scope",
                table: "ConsentRecords",
                columns: new[] { "PersonId", "Scope" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentRevisions_IncidentId_Version",
                table: "IncidentRevisions",
                columns: new[] { "IncidentId", "Version" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_AssignedLawyerId",
                table: "Incidents",
                column: "AssignedLawyerId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CityCode_OccurredOn",
                table: "Incidents",
                columns: new[] { "CityCode", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CreatedById_OccurredOn",
                table: "Incidents",
                columns: new[] { "CreatedById", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_OccurredOn",
                table: "Incidents",
                column: "OccurredOn");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Status",
                table: "Incidents",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentShares_UserId",
                table: "IncidentShares",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentViolations_Code",
                table: "IncidentViolations",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_Members_CreatedById",
                table: "Members",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Members_WorkingNameIndex",
                table: "Members",
                column: "WorkingNameIndex");

            migrationBuilder.CreateIndex(
                name: "IX_Perpetrators_CategoryCode",
                table: "Perpetrators",
                column: "CategoryCode");

            migrationBuilder.CreateIndex(
                name: "IX_Perpetrators_IncidentId",
                table: "Perpetrators",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_Code_GivenOn",
                table: "ServiceRecords",
                columns: new[] { "Code", "GivenOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRecords_IncidentId",
                table: "ServiceRecords",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_VocabularyEntries_Kind_Code",
                table: "VocabularyEntries",
                columns: new[] { "Kind", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsentRecords");

            migrationBuilder.DropTable(
                name: "IncidentRevisions");

            migrationBuilder.DropTable(
                name: "IncidentShares");

            migrationBuilder.DropTable(
                name: "IncidentViolations");

            migrationBuilder.DropTable(
                name: "Members");

            migrationBuilder.DropTable(
                name: "Perpetrators");

            migrationBuilder.DropTable(
                name: "ServiceRecords");

            migrationBuilder.DropTable(
                name: "VocabularyEntries");

            migrationBuilder.DropTable(
                name: "AffectedPeople");

            migrationBuilder.DropTable(
                name: "Incidents");
        }
    }
}
