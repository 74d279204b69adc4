using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BrazeLite.Core.Accounts;
using BrazeLite.Core.Campaigns;
using BrazeLite.Core.Data;
using BrazeLite.Core.Delivery.Senders;
using BrazeLite.Core.Delivery.Storage;
using BrazeLite.Core.Ingest;
using BrazeLite.Core.Templates;
using BrazeLite.Core.Users;
using BrazeLite.Core.Users.Storage;
using BrazeLite.Liquid;
using BrazeLite.Liquid.Braze;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace BrazeLite.Core.Delivery;

/// <summary>Whom a test send goes to.</summary>
public enum TestAudience
{
    /// <summary>Typed email addresses or phone numbers, rendered with the picked sample user.</summary>
    Addresses,

    /// <summary>Existing users by external ID, rendered with the picked sample user or with each one's real profile.</summary>
    Users,
}

/// <summary>A test send of one variant's message on one channel, as the editor has it now (saved or not).</summary>
public sealed record TestSendRequest(
    string? CampaignId,
    string CampaignName,
    MessageType MessageType,
    string VariantName,
    ChannelMessage Message,
    TestAudience Audience,
    string Recipients,
    IDictionary<string, object?> TriggerProperties,
    IDictionary<string, object?> SampleUser,
    bool UseRealProfiles = false);

/// <summary>How the test went for one recipient.</summary>
public sealed record TestSendResult(string Recipient, DeliveryState State, string Description, string? ProviderResponse, long MessageId);

/// <summary>The test send's answer: a problem with the request (nothing sent), or one result per recipient.</summary>
public sealed record TestSendOutcome(string? Error, IReadOnlyList<TestSendResult> Results)
{
    public bool Succeeded => Error is null;
}

/// <summary>Test sends from the campaign editor.</summary>
public interface ITestSendService
{
    Task<TestSendOutcome> SendAsync(TestSendRequest request, CancellationToken ct = default);
}

/// <summary>
/// Test sends from the editor: rendered as a real send renders (connected content called, abort and render errors
/// honoured) and handed to the channel's sender once, at once, so the marketer sees the provider's answer. Recorded as
/// test messages: in the activity log and the Test inbox, never in results, re-eligibility or the dispatcher's queue.
/// </summary>
public sealed partial class TestSendService(
    IngestWriter writer,
    CampaignDirectory campaigns,
    MessageComposer composer,
    ChannelSenders senders,
    DeliveryQueue queue,
    IDbContextFactory<BrazeLiteDbContext> dbFactory,
    TimeProvider time,
    ILogger<TestSendService> logger,
    IActorAccessor actors) : ITestSendService
{
    public const int MaxRecipients = 10;

    public async Task<TestSendOutcome> SendAsync(TestSendRequest request, CancellationToken ct = default)
    {
        if (actors.Refusal(Capability.SendTests) is { } forbidden)
        {
            return new TestSendOutcome(forbidden, []);
        }
        var channel = request.Message.Channel;
        var names = Recipients().Split(request.Recipients).Where(n => n.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (Check(request, channel, names) is { } problem)
        {
            return new TestSendOutcome(problem, []);
        }

        var targets = new List<(string Name, UserProfile? Profile)>();
        if (request.Audience == TestAudience.Users)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var found = await db.Users.AsNoTracking().Where(u => u.ExternalId != null && names.Contains(u.ExternalId)).ToListAsync(ct);
            var missing = names.Where(n => found.All(u => u.ExternalId != n)).ToList();
            if (missing.Count > 0)
            {
                return new TestSendOutcome($"No user has the external ID {string.Join(", ", missing)}.", []);
            }
            targets.AddRange(names.Select(n => (n, (UserProfile?)UserStorage.ToProfile(found.First(u => u.ExternalId == n)))));
        }
        else
        {
            targets.AddRange(names.Select(n => (n, (UserProfile?)null)));
            if (targets.Count == 0)
            {
                targets.Add(("(no recipient)", null)); // a webhook needs none
            }
        }

        var target = request.CampaignId is { } id ? await campaigns.FindAsync(id, ct) : null;
        var recorded = await writer.SubmitAsync(new RecordTestSendCommand(target?.RowId, request.Message.MessageVariationId, request.VariantName, channel,
            targets.Select(t => new TestRecipientRow(Recipient(t.Name, t.Profile, channel), t.Profile?.RowId)).ToList(),
            Json.Write(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(request.TriggerProperties))!)), ct);

        var results = new List<TestSendResult>();
        var outcomes = new List<DeliveryOutcome>();
        for (var i = 0; i < targets.Count; i++)
        {
            var (name, profile) = targets[i];
            var messageId = recorded.MessageIds[i];
            var destination = profile ?? Typed(name, channel);
            var user = request.UseRealProfiles && profile is not null
                ? LiquidValues.FromClr(profile.ToTemplateAttributes()) as IDictionary<string, object?>
                : request.SampleUser;
            var data = new RenderData(request.TriggerProperties, user)
            {
                Campaign = new BrazeCampaign(request.CampaignId, request.CampaignName, request.VariantName, recorded.DispatchId),
            };
            var composition = await composer.RenderAsync(request.Message, data, LiquidErrorMode.Strict, destination, recorded.DispatchId, null,
                request.MessageType, ct);
            var outcome = await DeliverAsync(messageId, recorded.DispatchId, channel, composition, ct);
            outcomes.Add(outcome);
            results.Add(new TestSendResult(Recipient(name, profile, channel), outcome.State, outcome.Error ?? outcome.AttemptLog.LastOrDefault()?.Outcome ?? "",
                outcome.ProviderResponse, messageId));
        }
        await queue.RecordAsync(outcomes, ct);
        LogTestSent(logger, ChannelInfo.Label(channel), request.VariantName, request.CampaignName, results.Count);
        return new TestSendOutcome(null, results);
    }

    private async Task<DeliveryOutcome> DeliverAsync(long messageId, string dispatchId, Channel channel, Composition composition, CancellationToken ct)
    {
        if (composition.Failure is { } failure)
        {
            return Outcome(messageId, DeliveryState.Failed, null, composition, failure, null, failure);
        }
        if (composition.Aborted)
        {
            var reason = composition.AbortReason!.Length == 0 ? "abort_message (no reason given)" : composition.AbortReason;
            return Outcome(messageId, DeliveryState.Aborted, null, composition, reason, null, null);
        }
        var sender = senders.For(channel);
        SendResult result;
        try
        {
            result = await sender.SendAsync(composition.Content!, new SendContext(messageId, dispatchId, 1), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            result = SendResult.Transient($"{e.GetType().Name}: {e.Message}");
        }
        var state = result.Outcome switch
        {
            SendOutcome.Delivered => DeliveryState.Delivered,
            SendOutcome.Captured => DeliveryState.Captured,
            _ => DeliveryState.Failed,
        };
        return Outcome(messageId, state, sender.NameFor(channel), composition, result.IsSuccess ? null : result.Description, result, result.Description);
    }

    private DeliveryOutcome Outcome(long messageId, DeliveryState state, string? sender, Composition composition, string? error,
        SendResult? result, string? attempt) =>
        new(messageId, state, 1, null, sender, composition.Content?.ToJson(), composition.Warnings, error, result?.Reference, result?.Response,
            (composition.Content as ContentCardContent)?.ExpiresAt,
            attempt is null ? [] : [new DeliveryAttemptEntity { MessageId = messageId, Number = 1, At = time.GetUtcNow(), Outcome = attempt }]);

    /// <summary>Why the request cannot be sent as it is, or null.</summary>
    internal static string? Check(TestSendRequest request, Channel channel, IReadOnlyList<string> names)
    {
        if (names.Count > MaxRecipients)
        {
            return $"A test goes to at most {MaxRecipients} recipients; there are {names.Count}.";
        }
        if (request.Audience == TestAudience.Users)
        {
            return names.Count == 0 ? "Type the external ID of at least one user." : null;
        }
        return channel switch
        {
            Channel.Email when names.Count == 0 => "Type at least one email address.",
            Channel.Email when names.FirstOrDefault(n => !EmailAddress.IsValid(n)) is { } bad => $"{bad} is not an email address.",
            Channel.Sms when names.Count == 0 => "Type at least one phone number.",
            Channel.Sms when names.FirstOrDefault(n => !Phone().IsMatch(n)) is { } bad => $"{bad} is not a phone number such as +15555550100.",
            Channel.Webhook => null,
            Channel.Email or Channel.Sms => null,
            _ => $"{ChannelInfo.Label(channel)} goes to a user's devices or feed: send the test to existing users.",
        };
    }

    private static UserProfile Typed(string name, Channel channel)
    {
        var profile = new UserProfile { UserId = "test-send" };
        if (channel == Channel.Email)
        {
            profile.Email = name;
        }
        else if (channel == Channel.Sms)
        {
            profile.Attributes["phone"] = name;
        }
        return profile;
    }

    private static string Recipient(string name, UserProfile? profile, Channel channel) =>
        profile is not null ? $"external_user_id:{name}"
        : channel == Channel.Email ? $"email:{name}"
        : channel == Channel.Sms ? $"phone:{name}"
        : "test";

    [GeneratedRegex(@"[\s,;]+")]
    private static partial Regex Recipients();

    [GeneratedRegex(@"^\+?[0-9]{6,15}$")]
    private static partial Regex Phone();

    [LoggerMessage(Level = LogLevel.Information, Message = "Test send of {Channel} ({Variant}) of {Campaign} to {Count} recipient(s)")]
    private static partial void LogTestSent(ILogger logger, string channel, string variant, string campaign, int count);
}
