using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrazeLite.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    MessageType = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    Channels = table.Column<string>(type: "TEXT", nullable: false),
                    Variants = table.Column<string>(type: "TEXT", nullable: false),
                    ConversionEvents = table.Column<string>(type: "TEXT", nullable: false),
                    ReeligibilityEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReeligibilityAmount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReeligibilityUnit = table.Column<int>(type: "INTEGER", nullable: false),
                    HasControlGroup = table.Column<bool>(type: "INTEGER", nullable: false),
                    ControlPercentage = table.Column<int>(type: "INTEGER", nullable: false),
                    ControlVariationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    EverLaunched = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                    table.CheckConstraint("CK_Campaigns_ControlPercentage", "\"ControlPercentage\" BETWEEN 0 AND 99");
                    table.CheckConstraint("CK_Campaigns_ReeligibilityAmount", "\"ReeligibilityAmount\" >= 0");
                });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_CampaignId",
                table: "Campaigns",
                column: "CampaignId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_NormalizedName",
                table: "Campaigns",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Status_UpdatedAt",
                table: "Campaigns",
                columns: new[] { "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_Type_UpdatedAt",
                table: "Campaigns",
                columns: new[] { "Type", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Campaigns_UpdatedAt",
                table: "Campaigns",
                column: "UpdatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Campaigns");
        }
    }
}
