using System.Net;
using System.Text.Json;
using BrazeLite.Core.Users.Storage;
using Dashboard.Tests.Api.Sends;
using Microsoft.EntityFrameworkCore;

namespace Dashboard.Tests.Api.Users;

/// <summary><c>POST /users/track</c> over HTTP on a real SQLite file.</summary>
public sealed class UsersTrackTests(DashboardApiFactory factory) : IClassFixture<DashboardApiFactory>
{
    private readonly HttpClient _client = factory.CreateApiClient(DashboardApiFactory.UsersTrackOnlyKey);

    private static string NewId() => $"u-{Guid.NewGuid():N}";

    private Task<SendTestSupport.Answer> TrackAsync(object body) => _client.PostAsync("/users/track", JsonSerializer.Serialize(body));

    private static IReadOnlyList<(string Type, string Array, int Index)> ErrorsOf(SendTestSupport.Answer answer) =>
        answer.Body.TryGetProperty("errors", out var errors)
            ? errors.EnumerateArray().Select(e => (e.GetProperty("type").GetString()!, e.GetProperty("input_array").GetString()!, e.GetProperty("index").GetInt32())).ToList()
            : [];

    [Fact]
    public async Task Track_AttributesEventAndPurchase_CreateTheUserAndCountEachArray()
    {
        var user = NewId();

        var answer = await TrackAsync(new
        {
            attributes = new object[]
            {
                new Dictionary<string, object?>
                {
                    ["external_id"] = user, ["first_name"] = "Ana", ["email"] = "Ana@Example.com", ["email_subscribe"] = "opted_in",
                    ["loyalty tier"] = "gold", ["visits"] = 3, ["favourites"] = new[] { "tea", "mugs" }, ["address"] = new { city = "Lyon" },
                },
            },
            events = new[] { new { external_id = user, name = "viewed_basket", time = "2026-12-01T10:00:00Z", properties = new { items = 2 } } },
            purchases = new[] { new { external_id = user, product_id = "mug", currency = "eur", price = 12.5, quantity = 2, time = "2026-12-01T10:05:00:123Z" } },
        });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal("success", answer.Message);
        Assert.Equal((1, 1, 1), (answer.Body.GetProperty("attributes_processed").GetInt32(), answer.Body.GetProperty("events_processed").GetInt32(),
            answer.Body.GetProperty("purchases_processed").GetInt32()));
        Assert.False(answer.Body.TryGetProperty("errors", out _));
        var profile = (await factory.UserAsync(user))!;
        Assert.Equal("ana@example.com", profile.Email);
        Assert.Equal("opted_in", profile.EmailSubscribe);
        using var custom = JsonDocument.Parse(profile.CustomAttributes);
        Assert.Equal("gold", custom.RootElement.GetProperty("loyalty tier").GetString());
        Assert.Equal(3, custom.RootElement.GetProperty("visits").GetInt32());
        Assert.Equal("Lyon", custom.RootElement.GetProperty("address").GetProperty("city").GetString());
        var purchase = await factory.ReadAsync(db => db.UserPurchases.AsNoTracking().SingleAsync(p => p.UserRowId == profile.Id));
        Assert.Equal(("EUR", 12.5m, 2), (purchase.Currency, purchase.Price, purchase.Quantity));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 5, 0, 123, TimeSpan.Zero), purchase.Time);
        var tracked = await factory.ReadAsync(db => db.UserEvents.AsNoTracking().SingleAsync(e => e.UserRowId == profile.Id));
        Assert.Equal("viewed_basket", tracked.Name);
    }

    [Fact]
    public async Task Track_OnlyEvents_CountsOnlyEvents()
    {
        var answer = await TrackAsync(new { events = new[] { new { external_id = NewId(), name = "e", time = "2026-12-01T10:00:00Z" } } });

        Assert.Equal(1, answer.Body.GetProperty("events_processed").GetInt32());
        Assert.False(answer.Body.TryGetProperty("attributes_processed", out _));
        Assert.False(answer.Body.TryGetProperty("purchases_processed", out _));
    }

    [Fact]
    public async Task Track_SecondUpdate_MergesAttributesAndNullRemovesOne()
    {
        var user = NewId();
        await TrackAsync(new { attributes = new[] { new Dictionary<string, object?> { ["external_id"] = user, ["tier"] = "gold", ["pet"] = "cat", ["city_x"] = "Lyon" } } });

        await TrackAsync(new { attributes = new[] { new Dictionary<string, object?> { ["external_id"] = user, ["tier"] = "platinum", ["pet"] = null } } });

        using var custom = JsonDocument.Parse((await factory.UserAsync(user))!.CustomAttributes);
        Assert.Equal("platinum", custom.RootElement.GetProperty("tier").GetString());
        Assert.False(custom.RootElement.TryGetProperty("pet", out _));
        Assert.Equal("Lyon", custom.RootElement.GetProperty("city_x").GetString());
    }

    [Fact]
    public async Task Track_BadObjects_AreReportedInBrazesShapeAndTheGoodOnesStillApply()
    {
        var good = NewId();
        var answer = await TrackAsync(new
        {
            attributes = new object[]
            {
                new { first_name = "No id" },
                new Dictionary<string, object?> { ["external_id"] = good, ["gender"] = "X", ["first_name"] = "Ana" },
            },
            events = new object[] { new { external_id = good, time = "2026-12-01T10:00:00Z" }, new { external_id = good, name = "ok", time = "yesterday" } },
            purchases = new object[] { new { external_id = good, product_id = "mug", currency = "euro", price = 1, time = "2026-12-01T10:00:00Z" } },
        });

        Assert.Equal(HttpStatusCode.Created, answer.Status);
        Assert.Equal(1, answer.Body.GetProperty("attributes_processed").GetInt32());
        Assert.Equal(0, answer.Body.GetProperty("events_processed").GetInt32());
        Assert.Equal(0, answer.Body.GetProperty("purchases_processed").GetInt32());
        Assert.Equal(
        [
            ("'external_id' or 'braze_id' or 'user_alias' or 'email' is required, exactly one of them", "attributes", 0),
            ("gender: \"X\" is not one of M, F, O, N, P, U.", "attributes", 1),
            ($"an event needs a name of 1 to 255 characters", "events", 0),
            ("an event needs a time in ISO 8601, e.g. 2026-12-02T09:30:00Z", "events", 1),
            ("a purchase needs a currency: a three-letter ISO 4217 code such as USD", "purchases", 0),
        ], ErrorsOf(answer));
        Assert.Contains("\"first_name\":\"Ana\"", (await factory.UserAsync(good))!.Attributes);
    }

    [Fact]
    public async Task Track_UpdateExistingOnlyForAnUnknownUser_CreatesNobody()
    {
        var user = NewId();

        var answer = await TrackAsync(new { attributes = new[] { new Dictionary<string, object?> { ["external_id"] = user, ["_update_existing_only"] = true, ["x"] = 1 } } });

        Assert.Equal(0, answer.Body.GetProperty("attributes_processed").GetInt32());
        Assert.Equal($"no user has external_user_id:{user}, and this object may not create one", ErrorsOf(answer).Single().Type);
        Assert.Null(await factory.UserAsync(user));
    }

    [Fact]
    public async Task Track_SeventySixAttributes_IsFatalMaxInputLengthExceededAndWritesNothing()
    {
        var users = Enumerable.Range(0, 76).Select(_ => NewId()).ToList();

        var answer = await TrackAsync(new { attributes = users.Select(u => new { external_id = u, first_name = "A" }) });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Max Input Length Exceeded", answer.Message);
        Assert.Null(await factory.UserAsync(users[0]));
    }

    [Theory]
    [InlineData("""{"attributes": {"external_id": "x"}}""", "attributes must be an array of objects.")]
    [InlineData("""{}""", "Send at least one of attributes, events or purchases.")]
    [InlineData("""[1, 2]""", "The body must be a JSON object.")]
    public async Task Track_WrongShape_Is400BadRequestSayingWhat(string body, string error)
    {
        var answer = await _client.PostAsync("/users/track", body);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("Bad Request", answer.Message);
        Assert.Equal(error, answer.Errors.Single());
    }
}
