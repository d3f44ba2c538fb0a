using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tianshan.Core.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Origin = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FoundAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AlarmId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Grade = table.Column<int>(type: "INTEGER", nullable: true),
                    Criteria = table.Column<string>(type: "TEXT", nullable: false),
                    Rectification_ResponsiblePerson = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Rectification_Measures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Rectification_Funds = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    Rectification_Deadline = table.Column<long>(type: "INTEGER", nullable: true),
                    Rectification_ContingencyPlan = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TreatmentPlan_Objectives = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TreatmentPlan_Methods = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TreatmentPlan_FundsAndMaterials = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TreatmentPlan_Organisation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TreatmentPlan_TimeLimits = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    TreatmentPlan_SafetyMeasures = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: true),
                    AssessedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AssessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VerifiedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OverdueStep = table.Column<int>(type: "INTEGER", nullable: false),
                    Reminded = table.Column<bool>(type: "INTEGER", nullable: false),
                    SupervisionNotice = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    SupervisingAuthority = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ListedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Receipt = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EnterpriseName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Location = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    HiddenHazardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    HandlingNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HiddenHazardEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    HiddenHazardId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HiddenHazardId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
