using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tianshan.Core.Data.Migrations.Postgres
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DivisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    Households = table.Column<int>(type: "integer", nullable: false),
                    BuildingsReinforcedConcrete = table.Column<int>(type: "integer", nullable: false),
                    BuildingsMasonry = table.Column<int>(type: "integer", nullable: false),
                    BuildingsWeak = table.Column<int>(type: "integer", nullable: false),
                    BuildingsBefore1990 = table.Column<int>(type: "integer", nullable: false),
                    Buildings1990To2001 = table.Column<int>(type: "integer", nullable: false),
                    BuildingsAfter2001 = table.Column<int>(type: "integer", nullable: false),
                    Schools = table.Column<int>(type: "integer", nullable: false),
                    Hospitals = table.Column<int>(type: "integer", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Participants = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Situation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Judgement = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Measures = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consultations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DemonstrationCommunities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DivisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AwardedYear = table.Column<int>(type: "integer", nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Geometry = table.Column<string>(type: "text", nullable: false),
                    Attributes = table.Column<string>(type: "text", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HazardFeatures", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HistoricalDisasters",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Place = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Deaths = table.Column<int>(type: "integer", nullable: false),
                    Affected = table.Column<int>(type: "integer", nullable: false),
                    LossWanYuan = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false)
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
