using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tianshan.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HiddenHazards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HiddenHazards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Origin = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FoundAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AlarmId = table.Column<Guid>(type: "uuid", nullable: true),
                    RegisteredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RegisteredBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: true),
                    Criteria = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Rectification_ResponsiblePerson = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Rectification_Measures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Rectification_Funds = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    Rectification_Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Rectification_ContingencyPlan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TreatmentPlan_Objectives = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TreatmentPlan_Methods = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TreatmentPlan_FundsAndMaterials = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TreatmentPlan_Organisation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TreatmentPlan_TimeLimits = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    TreatmentPlan_SafetyMeasures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AssessedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    VerifiedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OverdueStep = table.Column<int>(type: "integer", nullable: false),
                    Reminded = table.Column<bool>(type: "boolean", nullable: false),
                    SupervisionNotice = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    SupervisingAuthority = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ListedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HiddenHazards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HiddenHazards_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PublicReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Receipt = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EnterpriseName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Contact = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    HiddenHazardId = table.Column<Guid>(type: "uuid", nullable: true),
                    HandledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    HandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HandlingNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HiddenHazardEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    From = table.Column<int>(type: "integer", nullable: true),
                    To = table.Column<int>(type: "integer", nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    HiddenHazardId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HiddenHazardEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HiddenHazardEvents_HiddenHazards_HiddenHazardId",
                        column: x => x.HiddenHazardId,
                        principalTable: "HiddenHazards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HiddenHazardEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HiddenHazardId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HiddenHazardEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HiddenHazardEvidence_HiddenHazards_HiddenHazardId",
                        column: x => x.HiddenHazardId,
                        principalTable: "HiddenHazards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HiddenHazardEvents_HiddenHazardId",
                table: "HiddenHazardEvents",
                column: "HiddenHazardId");

            migrationBuilder.CreateIndex(
                name: "IX_HiddenHazardEvidence_HiddenHazardId",
                table: "HiddenHazardEvidence",
                column: "HiddenHazardId");

            migrationBuilder.CreateIndex(
                name: "IX_HiddenHazards_EnterpriseId_Status",
                table: "HiddenHazards",
                columns: new[] { "EnterpriseId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HiddenHazards_Number",
                table: "HiddenHazards",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HiddenHazards_Status_Deadline",
                table: "HiddenHazards",
                columns: new[] { "Status", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_PublicReports_Receipt",
                table: "PublicReports",
                column: "Receipt",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicReports_Status_ReceivedAt",
                table: "PublicReports",
                columns: new[] { "Status", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HiddenHazardEvents");

            migrationBuilder.DropTable(
                name: "HiddenHazardEvidence");

            migrationBuilder.DropTable(
                name: "PublicReports");

            migrationBuilder.DropTable(
                name: "HiddenHazards");
        }
    }
}
