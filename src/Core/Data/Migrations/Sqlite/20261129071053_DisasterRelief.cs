using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tianshan.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DisasterRelief : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReliefNote",
                table: "DisasterReports",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReliefProvidedAt",
                table: "DisasterReports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReliefProvidedBy",
                table: "DisasterReports",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReliefNote",
                table: "DisasterReports");

            migrationBuilder.DropColumn(
                name: "ReliefProvidedAt",
                table: "DisasterReports");

            migrationBuilder.DropColumn(
                name: "ReliefProvidedBy",
                table: "DisasterReports");
        }
    }
}
