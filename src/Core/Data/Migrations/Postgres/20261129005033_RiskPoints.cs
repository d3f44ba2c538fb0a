using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tianshan.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RiskPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EnterpriseRiskAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Score = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    DirectRedConditions = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    NextDue = table.Column<DateOnly>(type: "date", nullable: false),
                    AssessedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnterpriseRiskAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnterpriseRiskAssessments_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskPoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Location = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Activity = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HazardType = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ControlMeasures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    L = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    E = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    C = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    S = table.Column<int>(type: "integer", nullable: true),
                    Score = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    Band = table.Column<int>(type: "integer", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssessedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskPoints_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseRiskAssessments_EnterpriseId_AssessedOn",
                table: "EnterpriseRiskAssessments",
                columns: new[] { "EnterpriseId", "AssessedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_EnterpriseRiskAssessments_NextDue",
                table: "EnterpriseRiskAssessments",
                column: "NextDue");

            migrationBuilder.CreateIndex(
                name: "IX_RiskPoints_EnterpriseId_Level",
                table: "RiskPoints",
                columns: new[] { "EnterpriseId", "Level" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EnterpriseRiskAssessments");

            migrationBuilder.DropTable(
                name: "RiskPoints");
        }
    }
}
