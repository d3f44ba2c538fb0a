using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tianshan.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnforcementCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EnforcementCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HiddenHazardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Findings = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    InvestigatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ReviewOpinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Decision_LegalBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Decision_Penalty = table.Column<int>(type: "INTEGER", nullable: true),
                    Decision_FineAmount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    Decision_DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ExecutionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AmountPaid = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: true),
                    ExecutedOn = table.Column<long>(type: "INTEGER", nullable: true),
                    ExecutedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnforcementCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnforcementCases_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EnforcementCases_HiddenHazards_HiddenHazardId",
                        column: x => x.HiddenHazardId,
                        principalTable: "HiddenHazards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "EnforcementCaseDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnforcementCaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
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
                    table.PrimaryKey("PK_EnforcementCaseDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnforcementCaseDocuments_EnforcementCases_EnforcementCaseId",
                        column: x => x.EnforcementCaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EnforcementCaseEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EnforcementCaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnforcementCaseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnforcementCaseEvents_EnforcementCases_EnforcementCaseId",
                        column: x => x.EnforcementCaseId,
                        principalTable: "EnforcementCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCaseDocuments_EnforcementCaseId",
                table: "EnforcementCaseDocuments",
                column: "EnforcementCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCaseEvents_EnforcementCaseId",
                table: "EnforcementCaseEvents",
                column: "EnforcementCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_DecidedAt",
                table: "EnforcementCases",
                column: "DecidedAt");

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_EnterpriseId_Stage",
                table: "EnforcementCases",
                columns: new[] { "EnterpriseId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_HiddenHazardId",
                table: "EnforcementCases",
                column: "HiddenHazardId");

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementCases_Number",
                table: "EnforcementCases",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnforcementCaseDocuments");

            migrationBuilder.DropTable(
                name: "EnforcementCaseEvents");

            migrationBuilder.DropTable(
                name: "EnforcementCases");
        }
    }
}
