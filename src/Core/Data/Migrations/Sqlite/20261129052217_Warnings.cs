using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tianshan.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Warnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ImportedAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Sent = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MsgType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    References = table.Column<string>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Urgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Certainty = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SenderName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Headline = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    Instruction = table.Column<string>(type: "TEXT", nullable: true),
                    AreaDescription = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Onset = table.Column<long>(type: "INTEGER", nullable: true),
                    Expires = table.Column<long>(type: "INTEGER", nullable: true),
                    OriginalXml = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedAlerts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WarningContacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Reach = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningContacts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Warnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Identifier = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MessageType = table.Column<int>(type: "INTEGER", nullable: false),
                    PreviousId = table.Column<Guid>(type: "TEXT", nullable: true),
                    References = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    CommunityCodes = table.Column<string>(type: "TEXT", nullable: false),
                    AreaDescription = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Polygons = table.Column<string>(type: "TEXT", nullable: false),
                    Circles = table.Column<string>(type: "TEXT", nullable: false),
                    Onset = table.Column<long>(type: "INTEGER", nullable: false),
                    Expires = table.Column<long>(type: "INTEGER", nullable: false),
                    Headline = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Instruction = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    HeadlineEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DescriptionEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    InstructionEn = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DraftedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DraftedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApprovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Sender = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CapXml = table.Column<string>(type: "TEXT", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Warnings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WarningDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WarningId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    DeliveryKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    RecipientName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CommunityCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Reach = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    GatewayMessageId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DeliveredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WarningDeliveries_Warnings_WarningId",
                        column: x => x.WarningId,
                        principalTable: "Warnings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WarningEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WarningId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WarningEvents_Warnings_WarningId",
                        column: x => x.WarningId,
                        principalTable: "Warnings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ImportedAlerts_Sender_Identifier",
                table: "ImportedAlerts",
                columns: new[] { "Sender", "Identifier" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportedAlerts_Sent",
                table: "ImportedAlerts",
                column: "Sent");

            migrationBuilder.CreateIndex(
                name: "IX_WarningContacts_CommunityCode",
                table: "WarningContacts",
                column: "CommunityCode");

            migrationBuilder.CreateIndex(
                name: "IX_WarningDeliveries_DeliveryKey",
                table: "WarningDeliveries",
                column: "DeliveryKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WarningDeliveries_Status_NextAttemptAt",
                table: "WarningDeliveries",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WarningDeliveries_WarningId",
                table: "WarningDeliveries",
                column: "WarningId");

            migrationBuilder.CreateIndex(
                name: "IX_WarningEvents_WarningId",
                table: "WarningEvents",
                column: "WarningId");

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_Identifier",
                table: "Warnings",
                column: "Identifier",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_PreviousId",
                table: "Warnings",
                column: "PreviousId");

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_Status_Expires",
                table: "Warnings",
                columns: new[] { "Status", "Expires" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImportedAlerts");

            migrationBuilder.DropTable(
                name: "WarningContacts");

            migrationBuilder.DropTable(
                name: "WarningDeliveries");

            migrationBuilder.DropTable(
                name: "WarningEvents");

            migrationBuilder.DropTable(
                name: "Warnings");
        }
    }
}
