using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tianshan.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RandomDraws : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Inspectors",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspectors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RandomDraws",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ScopeDescription = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Seed = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    InputsJson = table.Column<string>(type: "TEXT", nullable: false),
                    PicksJson = table.Column<string>(type: "TEXT", nullable: false),
                    TargetCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DrawnAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DrawnBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RandomDraws", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InspectorConflicts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DeclaredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeclaredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectorConflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectorConflicts_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InspectorConflicts_Inspectors_InspectorId",
                        column: x => x.InspectorId,
                        principalTable: "Inspectors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InspectorConflicts_EnterpriseId",
                table: "InspectorConflicts",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectorConflicts_InspectorId_EnterpriseId",
                table: "InspectorConflicts",
                columns: new[] { "InspectorId", "EnterpriseId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspectors_Code",
                table: "Inspectors",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RandomDraws_DrawnAt",
                table: "RandomDraws",
                column: "DrawnAt");

            migrationBuilder.CreateIndex(
                name: "IX_RandomDraws_Number",
                table: "RandomDraws",
                column: "Number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InspectorConflicts");

            migrationBuilder.DropTable(
                name: "RandomDraws");

            migrationBuilder.DropTable(
                name: "Inspectors");
        }
    }
}
