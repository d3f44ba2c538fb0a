using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tianshan.Core.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    HiddenHazardId = table.Column<Guid>(type: "uuid", nullable: true),
                    InspectionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Facts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    FiledBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FiledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Findings = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    InvestigatedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ReviewOpinion = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Decision_LegalBasis = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Decision_Penalty = table.Column<int>(type: "integer", nullable: true),
                    Decision_FineAmount = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    Decision_DocumentNumber = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExecutionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AmountPaid = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    ExecutedOn = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ExecutedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnforcementCaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    From = table.Column<int>(type: "integer", nullable: true),
                    To = table.Column<int>(type: "integer", nullable: false),
                    By = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EnforcementCaseId = table.Column<Guid>(type: "uuid", nullable: false)
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
