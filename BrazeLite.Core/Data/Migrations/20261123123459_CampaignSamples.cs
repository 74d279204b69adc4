using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrazeLite.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CampaignSamples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CampaignSamples",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    Attributes = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignSamples", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignSamples_CampaignId_Kind_NormalizedName",
                table: "CampaignSamples",
                columns: new[] { "CampaignId", "Kind", "NormalizedName" },
                unique: true);

            // Samples belong to their campaign: deleting the campaign deletes them.
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Campaigns_DeleteSamples" AFTER DELETE ON "Campaigns"
                BEGIN
                    DELETE FROM "CampaignSamples" WHERE "CampaignId" = OLD."CampaignId";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"TR_Campaigns_DeleteSamples\";");
            migrationBuilder.DropTable(
                name: "CampaignSamples");
        }
    }
}
