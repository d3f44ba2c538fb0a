using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tianshan.Core.Data.Migrations.Postgres
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReliefProvidedAt",
                table: "DisasterReports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReliefProvidedBy",
                table: "DisasterReports",
                type: "character varying(100)",
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
