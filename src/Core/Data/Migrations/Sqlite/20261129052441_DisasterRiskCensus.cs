using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tianshan.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisasterRiskCensus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CommunityExposures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DivisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    Households = table.Column<int>(type: "INTEGER", nullable: false),
                    BuildingsReinforcedConcrete = table.Column<int>(type: "INTEGER", nullable: false),
                    BuildingsMasonry = table.Column<int>(type: "INTEGER", nullable: false),
                    BuildingsWeak = table.Column<int>(type: "INTEGER", nullable: false),
                    BuildingsBefore1990 = table.Column<int>(type: "INTEGER", nullable: false),
                    Buildings1990To2001 = table.Column<int>(type: "INTEGER", nullable: false),
                    BuildingsAfter2001 = table.Column<int>(type: "INTEGER", nullable: false),
                    Schools = table.Column<int>(type: "INTEGER", nullable: false),
                    Hospitals = table.Column<int>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityExposures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommunityExposures_Divisions_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "Divisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Consultations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Situation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Judgement = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DemonstrationCommunities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DivisionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AwardedYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Level = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DemonstrationCommunities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DemonstrationCommunities_Divisions_DivisionId",
                        column: x => x.DivisionId,
                        principalTable: "Divisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HazardFeatures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Geometry = table.Column<string>(type: "TEXT", nullable: false),
                    Attributes = table.Column<string>(type: "TEXT", nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HazardFeatures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HistoricalDisasters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Deaths = table.Column<int>(type: "INTEGER", nullable: false),
                    Affected = table.Column<int>(type: "INTEGER", nullable: false),
                    LossWanYuan = table.Column<decimal>(type: "TEXT", precision: 18, scale: 6, nullable: false),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HistoricalDisasters", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityExposures_DivisionId",
                table: "CommunityExposures",
                column: "DivisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Consultations_HeldOn",
                table: "Consultations",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_DemonstrationCommunities_DivisionId",
                table: "DemonstrationCommunities",
                column: "DivisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HazardFeatures_Kind",
                table: "HazardFeatures",
                column: "Kind");

            migrationBuilder.CreateIndex(
                name: "IX_HistoricalDisasters_OccurredOn",
                table: "HistoricalDisasters",
                column: "OccurredOn");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunityExposures");

            migrationBuilder.DropTable(
                name: "Consultations");

            migrationBuilder.DropTable(
                name: "DemonstrationCommunities");

            migrationBuilder.DropTable(
                name: "HazardFeatures");

            migrationBuilder.DropTable(
                name: "HistoricalDisasters");
        }
    }
}
