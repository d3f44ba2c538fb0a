using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tianshan.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IncidentSector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Sector",
                table: "Incidents",
                type: "integer",
                nullable: true);

            // Incidents taken before: the sector their subtype falls under (IncidentSubtypes.SectorOf), so departments see them.
            migrationBuilder.Sql("""
                UPDATE "Incidents" SET "Sector" = CASE "Subtype"
                    WHEN '危险化学品事故' THEN 1 WHEN '火灾事故' THEN 64 WHEN '道路交通事故' THEN 8 WHEN '建设施工事故' THEN 4
                    WHEN '工贸事故' THEN 16 WHEN '特种设备事故' THEN 128 END
                WHERE "EnterpriseId" IS NULL
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Sector",
                table: "Incidents");
        }
    }
}
