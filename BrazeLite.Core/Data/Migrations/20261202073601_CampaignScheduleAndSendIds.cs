using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrazeLite.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CampaignScheduleAndSendIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CreateNewProfiles",
                table: "Campaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: true); // campaigns saved before the switch existed keep creating profiles

            migrationBuilder.AddColumn<long>(
                name: "EndsAt",
                table: "Campaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "StartsAt",
                table: "Campaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SendIds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignRowId = table.Column<int>(type: "INTEGER", nullable: false),
                    SendId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ApiKeyId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SendIds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SendIds_Campaigns_CampaignRowId",
                        column: x => x.CampaignRowId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SendIds_CampaignRowId_SendId",
                table: "SendIds",
                columns: new[] { "CampaignRowId", "SendId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SendIds");

            migrationBuilder.DropColumn(
                name: "CreateNewProfiles",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "EndsAt",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "StartsAt",
                table: "Campaigns");
        }
    }
}
