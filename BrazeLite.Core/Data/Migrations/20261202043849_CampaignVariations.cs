using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BrazeLite.Core.Data.Migrations
{
    /// <inheritdoc />
    /// <summary>
    /// Message variations become rows: every variant's message per channel (each with its own message variation ID: the
    /// variant's old ID stays with its first channel's message, the other channels get new ones), the control group and
    /// every channel of an API campaign. Samples hang off their campaign by a foreign key instead of a trigger.
    /// </summary>
    public partial class CampaignVariations : Migration
    {
        // A random lower-case UUID v4, as Ids.NewId() makes them.
        private const string NewUuid =
            "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' "
            + "|| substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))";

        private const string ChannelLabel = """
            CASE {0} WHEN 'ApplePush' THEN 'iOS push' WHEN 'AndroidPush' THEN 'Android push' WHEN 'KindlePush' THEN 'Kindle push'
            WHEN 'WebPush' THEN 'Web push' WHEN 'Email' THEN 'Email' WHEN 'Sms' THEN 'SMS/MMS' WHEN 'Webhook' THEN 'Webhook'
            WHEN 'ContentCard' THEN 'Content Card' ELSE {0} END
            """;

        // An old message object (camelCase properties) as a StoredMessage document: fields by catalogue key, and headers.
        private const string StoredMessage = """
            json_object('fields', json_object(
                'from', json_extract({0}, '$.from'), 'reply_to', json_extract({0}, '$.replyTo'),
                'subject', json_extract({0}, '$.subject'), 'preheader', json_extract({0}, '$.preheader'),
                'html_body', json_extract({0}, '$.htmlBody'), 'plain_text_body', json_extract({0}, '$.plainTextBody'),
                'sms_body', json_extract({0}, '$.smsBody'), 'media_url', json_extract({0}, '$.mediaUrl'),
                'push_title', json_extract({0}, '$.pushTitle'), 'push_body', json_extract({0}, '$.pushBody'),
                'deep_link', json_extract({0}, '$.deepLink'), 'webhook_url', json_extract({0}, '$.webhookUrl'),
                'webhook_method', json_extract({0}, '$.webhookMethod'), 'webhook_body', json_extract({0}, '$.webhookBody'),
                'card_type', json_extract({0}, '$.cardType'), 'card_title', json_extract({0}, '$.cardTitle'),
                'card_description', json_extract({0}, '$.cardDescription'), 'card_image_url', json_extract({0}, '$.cardImageUrl')),
                'headers', json_extract({0}, '$.webhookHeaders'))
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CampaignVariations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignRowId = table.Column<int>(type: "INTEGER", nullable: false),
                    VariationId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Percentage = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignVariations", x => x.Id);
                    table.CheckConstraint("CK_CampaignVariations_Percentage", "\"Percentage\" BETWEEN 0 AND 100");
                    table.ForeignKey(
                        name: "FK_CampaignVariations_Campaigns_CampaignRowId",
                        column: x => x.CampaignRowId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignVariations_CampaignRowId_SortOrder",
                table: "CampaignVariations",
                columns: new[] { "CampaignRowId", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignVariations_VariationId",
                table: "CampaignVariations",
                column: "VariationId",
                unique: true);

            // API campaigns: one row per channel, with the channel's message variation ID.
            migrationBuilder.Sql($"""
                INSERT INTO "CampaignVariations" ("CampaignRowId", "VariationId", "Kind", "Channel", "Name", "Percentage", "SortOrder", "Message")
                SELECT c."Id", json_extract(ch.value, '$.messageVariationId'), 'ApiChannel', json_extract(ch.value, '$.channel'),
                       {string.Format(ChannelLabel, "json_extract(ch.value, '$.channel')")}, 0, ch.key, NULL
                FROM "Campaigns" c, json_each(c."Channels") ch
                WHERE c."Type" = 0 AND json_extract(ch.value, '$.messageVariationId') IS NOT NULL;
                """);

            // API-triggered campaigns: one row per variant and channel; the variant's ID goes to its first channel's message.
            migrationBuilder.Sql($"""
                INSERT INTO "CampaignVariations" ("CampaignRowId", "VariationId", "Kind", "Channel", "Name", "Percentage", "SortOrder", "Message")
                SELECT c."Id",
                       CASE WHEN ch.key = 0 THEN json_extract(v.value, '$.variationId') ELSE {NewUuid} END,
                       'Variant', json_extract(ch.value, '$.channel'), json_extract(v.value, '$.name'),
                       json_extract(v.value, '$.percentage'), v.key,
                       (SELECT {string.Format(StoredMessage, "m.value")} FROM json_each(json_extract(v.value, '$.messages')) m
                        WHERE json_extract(m.value, '$.channel') = json_extract(ch.value, '$.channel'))
                FROM "Campaigns" c, json_each(c."Variants") v, json_each(c."Channels") ch
                WHERE c."Type" = 1;
                """);

            // A draft's variants without channels keep their name and share, without an ID until a channel is added.
            migrationBuilder.Sql("""
                INSERT INTO "CampaignVariations" ("CampaignRowId", "VariationId", "Kind", "Channel", "Name", "Percentage", "SortOrder", "Message")
                SELECT c."Id", NULL, 'Variant', NULL, json_extract(v.value, '$.name'), json_extract(v.value, '$.percentage'), v.key, NULL
                FROM "Campaigns" c, json_each(c."Variants") v
                WHERE c."Type" = 1 AND json_array_length(c."Channels") = 0;
                """);

            migrationBuilder.Sql("""
                INSERT INTO "CampaignVariations" ("CampaignRowId", "VariationId", "Kind", "Channel", "Name", "Percentage", "SortOrder", "Message")
                SELECT c."Id", c."ControlVariationId", 'Control', NULL, 'Control group', c."ControlPercentage", json_array_length(c."Variants"), NULL
                FROM "Campaigns" c
                WHERE c."Type" = 1 AND c."HasControlGroup" = 1 AND c."ControlVariationId" IS NOT NULL;
                """);

            // The channel list keeps only the channels, in order: their IDs now live on the rows.
            migrationBuilder.Sql("""
                UPDATE "Campaigns" SET "Channels" =
                    (SELECT json_group_array(name) FROM (SELECT json_extract(ch.value, '$.channel') AS name FROM json_each("Campaigns"."Channels") ch ORDER BY ch.key));
                """);

            // Samples point at their campaign's row, and go with it by a foreign key, not a trigger.
            migrationBuilder.AddColumn<int>(
                name: "CampaignRowId",
                table: "CampaignSamples",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.Sql("""
                UPDATE "CampaignSamples" SET "CampaignRowId" = (SELECT c."Id" FROM "Campaigns" c WHERE c."CampaignId" = "CampaignSamples"."CampaignId");
                DELETE FROM "CampaignSamples" WHERE "CampaignRowId" IS NULL OR "CampaignRowId" = 0;
                DROP TRIGGER IF EXISTS "TR_Campaigns_DeleteSamples";
                """);

            migrationBuilder.DropIndex(
                name: "IX_CampaignSamples_CampaignId_Kind_NormalizedName",
                table: "CampaignSamples");

            migrationBuilder.DropColumn(
                name: "CampaignId",
                table: "CampaignSamples");

            migrationBuilder.CreateIndex(
                name: "IX_CampaignSamples_CampaignRowId_Kind_NormalizedName",
                table: "CampaignSamples",
                columns: new[] { "CampaignRowId", "Kind", "NormalizedName" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_CampaignSamples_Campaigns_CampaignRowId",
                table: "CampaignSamples",
                column: "CampaignRowId",
                principalTable: "Campaigns",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.DropCheckConstraint(
                name: "CK_Campaigns_ControlPercentage",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ControlPercentage",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "ControlVariationId",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "HasControlGroup",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Variants",
                table: "Campaigns");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(name: "Variants", table: "Campaigns", type: "TEXT", nullable: false, defaultValue: "[]");
            migrationBuilder.AddColumn<bool>(name: "HasControlGroup", table: "Campaigns", type: "INTEGER", nullable: false, defaultValue: false);
            migrationBuilder.AddColumn<int>(name: "ControlPercentage", table: "Campaigns", type: "INTEGER", nullable: false, defaultValue: 0);
            migrationBuilder.AddColumn<string>(name: "ControlVariationId", table: "Campaigns", type: "TEXT", maxLength: 36, nullable: true);
            migrationBuilder.AddColumn<string>(name: "CampaignId", table: "CampaignSamples", type: "TEXT", maxLength: 36, nullable: false, defaultValue: "");

            // Each variant's rows back into one object with the old message shape; its first message's ID becomes the variant's.
            migrationBuilder.Sql("""
                UPDATE "Campaigns" SET "Variants" = (
                    SELECT json_group_array(json(variant)) FROM (
                        SELECT json_object(
                            'name', v."Name",
                            'variationId', (SELECT m."VariationId" FROM "CampaignVariations" m WHERE m."CampaignRowId" = v."CampaignRowId"
                                            AND m."Kind" = 'Variant' AND m."SortOrder" = v."SortOrder" ORDER BY m."Id" LIMIT 1),
                            'percentage', v."Percentage",
                            'messages', (SELECT json_group_array(json(json_object(
                                    'channel', m."Channel",
                                    'from', json_extract(m."Message", '$.fields.from'), 'replyTo', json_extract(m."Message", '$.fields.reply_to'),
                                    'subject', json_extract(m."Message", '$.fields.subject'), 'preheader', json_extract(m."Message", '$.fields.preheader'),
                                    'htmlBody', json_extract(m."Message", '$.fields.html_body'), 'plainTextBody', json_extract(m."Message", '$.fields.plain_text_body'),
                                    'smsBody', json_extract(m."Message", '$.fields.sms_body'), 'mediaUrl', json_extract(m."Message", '$.fields.media_url'),
                                    'pushTitle', json_extract(m."Message", '$.fields.push_title'), 'pushBody', json_extract(m."Message", '$.fields.push_body'),
                                    'deepLink', json_extract(m."Message", '$.fields.deep_link'), 'webhookUrl', json_extract(m."Message", '$.fields.webhook_url'),
                                    'webhookMethod', json_extract(m."Message", '$.fields.webhook_method'), 'webhookBody', json_extract(m."Message", '$.fields.webhook_body'),
                                    'webhookHeaders', json_extract(m."Message", '$.headers'), 'cardType', json_extract(m."Message", '$.fields.card_type'),
                                    'cardTitle', json_extract(m."Message", '$.fields.card_title'), 'cardDescription', json_extract(m."Message", '$.fields.card_description'),
                                    'cardImageUrl', json_extract(m."Message", '$.fields.card_image_url'))))
                                FROM "CampaignVariations" m
                                WHERE m."CampaignRowId" = v."CampaignRowId" AND m."Kind" = 'Variant' AND m."SortOrder" = v."SortOrder" AND m."Channel" IS NOT NULL)) AS variant
                        FROM (SELECT "CampaignRowId", "SortOrder", min("Name") AS "Name", min("Percentage") AS "Percentage" FROM "CampaignVariations"
                              WHERE "Kind" = 'Variant' GROUP BY "CampaignRowId", "SortOrder") v
                        WHERE v."CampaignRowId" = "Campaigns"."Id"
                        ORDER BY v."SortOrder"))
                WHERE "Type" = 1;

                UPDATE "Campaigns" SET "Variants" = '[]' WHERE "Variants" IS NULL;

                UPDATE "Campaigns" SET
                    "HasControlGroup" = 1,
                    "ControlVariationId" = (SELECT "VariationId" FROM "CampaignVariations" WHERE "CampaignRowId" = "Campaigns"."Id" AND "Kind" = 'Control'),
                    "ControlPercentage" = (SELECT "Percentage" FROM "CampaignVariations" WHERE "CampaignRowId" = "Campaigns"."Id" AND "Kind" = 'Control')
                WHERE EXISTS (SELECT 1 FROM "CampaignVariations" WHERE "CampaignRowId" = "Campaigns"."Id" AND "Kind" = 'Control');

                UPDATE "Campaigns" SET "Channels" = (
                    SELECT json_group_array(json(json_object('channel', "Channel", 'messageVariationId', "VariationId")))
                    FROM (SELECT "Channel", "VariationId" FROM "CampaignVariations" WHERE "CampaignRowId" = "Campaigns"."Id" AND "Kind" = 'ApiChannel' ORDER BY "SortOrder"))
                WHERE "Type" = 0;

                UPDATE "Campaigns" SET "Channels" = (
                    SELECT json_group_array(json(json_object('channel', ch.value))) FROM json_each("Campaigns"."Channels") ch)
                WHERE "Type" = 1;

                UPDATE "CampaignSamples" SET "CampaignId" = (SELECT c."CampaignId" FROM "Campaigns" c WHERE c."Id" = "CampaignSamples"."CampaignRowId");
                """);

            // The samples' table as it was, by hand: EF would rebuild it after the trigger below, which names it.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_old_CampaignSamples" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_CampaignSamples" PRIMARY KEY AUTOINCREMENT,
                    "CampaignId" TEXT NOT NULL,
                    "Kind" INTEGER NOT NULL,
                    "Name" TEXT NOT NULL,
                    "NormalizedName" TEXT NOT NULL,
                    "Json" TEXT NOT NULL,
                    "Attributes" TEXT NOT NULL,
                    "CreatedAt" INTEGER NOT NULL,
                    "UpdatedAt" INTEGER NOT NULL,
                    "Version" TEXT NOT NULL);
                INSERT INTO "ef_old_CampaignSamples" ("Id", "CampaignId", "Kind", "Name", "NormalizedName", "Json", "Attributes", "CreatedAt", "UpdatedAt", "Version")
                SELECT "Id", "CampaignId", "Kind", "Name", "NormalizedName", "Json", "Attributes", "CreatedAt", "UpdatedAt", "Version" FROM "CampaignSamples";
                DROP TABLE "CampaignSamples";
                ALTER TABLE "ef_old_CampaignSamples" RENAME TO "CampaignSamples";
                CREATE UNIQUE INDEX "IX_CampaignSamples_CampaignId_Kind_NormalizedName" ON "CampaignSamples" ("CampaignId", "Kind", "NormalizedName");
                """);
            migrationBuilder.DropTable(name: "CampaignVariations");
            migrationBuilder.Sql("""
                CREATE TRIGGER "TR_Campaigns_DeleteSamples" AFTER DELETE ON "Campaigns"
                BEGIN
                    DELETE FROM "CampaignSamples" WHERE "CampaignId" = OLD."CampaignId";
                END;
                """);
            // The old check on ControlPercentage is not put back: adding it would rebuild Campaigns, whose trigger names
            // the table rebuilt above; the old code keeps the percentage in range itself.
        }
    }
}
