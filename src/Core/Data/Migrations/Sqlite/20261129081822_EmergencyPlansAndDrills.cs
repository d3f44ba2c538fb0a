using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tianshan.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmergencyPlansAndDrills : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DrillPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DivisionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillPlans_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "EmergencyPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MajorHazardSourceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    HiddenHazardId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Sectors = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DivisionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Filing = table.Column<int>(type: "INTEGER", nullable: false),
                    FiledOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FilingNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FiledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LastEvaluatedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PendingTrigger = table.Column<int>(type: "INTEGER", nullable: true),
                    TriggeredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TriggerNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyPlans_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_EmergencyPlans_HiddenHazards_HiddenHazardId",
                        column: x => x.HiddenHazardId,
                        principalTable: "HiddenHazards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EmergencyPlans_MajorHazardSources_MajorHazardSourceId",
                        column: x => x.MajorHazardSourceId,
                        principalTable: "MajorHazardSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "DrillPlanItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    DrillPlanId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillPlanItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillPlanItems_DrillPlans_DrillPlanId",
                        column: x => x.DrillPlanId,
                        principalTable: "DrillPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DrillRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EnterpriseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DivisionPath = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scenario = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Participants = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ParticipantCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Problems = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    RegisteredAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillRecords_EmergencyPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "EmergencyPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DrillRecords_Enterprises_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "Enterprises",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "EmergencyPlanActivations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IncidentNumber = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    EmergencyPlanId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyPlanActivations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyPlanActivations_EmergencyPlans_EmergencyPlanId",
                        column: x => x.EmergencyPlanId,
                        principalTable: "EmergencyPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EmergencyPlanLevels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    Triggers = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Actions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EmergencyPlanId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyPlanLevels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EmergencyPlanLevels_EmergencyPlans_EmergencyPlanId",
                        column: x => x.EmergencyPlanId,
                        principalTable: "EmergencyPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DrillFollowUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DrillRecordId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrillFollowUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrillFollowUps_DrillRecords_DrillRecordId",
                        column: x => x.DrillRecordId,
                        principalTable: "DrillRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DrillFollowUps_DrillRecordId",
                table: "DrillFollowUps",
                column: "DrillRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillPlanItems_DrillPlanId",
                table: "DrillPlanItems",
                column: "DrillPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillPlans_EnterpriseId",
                table: "DrillPlans",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_DrillPlans_Year_EnterpriseId",
                table: "DrillPlans",
                columns: new[] { "Year", "EnterpriseId" });

            migrationBuilder.CreateIndex(
                name: "IX_DrillRecords_EnterpriseId_HeldOn",
                table: "DrillRecords",
                columns: new[] { "EnterpriseId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_DrillRecords_PlanId",
                table: "DrillRecords",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyPlanActivations_EmergencyPlanId",
                table: "EmergencyPlanActivations",
                column: "EmergencyPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyPlanActivations_IncidentId",
                table: "EmergencyPlanActivations",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyPlanLevels_EmergencyPlanId",
                table: "EmergencyPlanLevels",
                column: "EmergencyPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyPlans_DivisionPath",
                table: "EmergencyPlans",
                column: "DivisionPath");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyPlans_EnterpriseId",
                table: "EmergencyPlans",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyPlans_HiddenHazardId",
                table: "EmergencyPlans",
                column: "HiddenHazardId");

            migrationBuilder.CreateIndex(
                name: "IX_EmergencyPlans_MajorHazardSourceId",
                table: "EmergencyPlans",
                column: "MajorHazardSourceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DrillFollowUps");

            migrationBuilder.DropTable(
                name: "DrillPlanItems");

            migrationBuilder.DropTable(
                name: "EmergencyPlanActivations");

            migrationBuilder.DropTable(
                name: "EmergencyPlanLevels");

            migrationBuilder.DropTable(
                name: "DrillRecords");

            migrationBuilder.DropTable(
                name: "DrillPlans");

            migrationBuilder.DropTable(
                name: "EmergencyPlans");
        }
    }
}
