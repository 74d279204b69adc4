using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BrazeLite.Core.ApiKeys;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Api;

/// <summary>Keys, permissions and Braze's error envelope on a REST endpoint, over HTTP as a developer's client calls it.</summary>
public sealed class ApiAuthenticationTests(DashboardApiFactory factory) : IClassFixture<DashboardApiFactory>
{
    private const string Preview = """{"template": "Hi {{api_trigger_properties.${name}}}", "trigger_properties": {"name": "Ana"}}""";

    private sealed record Answer(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)
    {
        public string Message => Body.GetProperty("message").GetString()!;

        public string Header(string name) =>
            Response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"no {name} header");
    }

    private static async Task<Answer> PostAsync(HttpClient client, string path = "/api/preview", string body = Preview, string? clientAddress = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (clientAddress is not null)
        {
            request.Headers.Add(DashboardApiFactory.ClientAddressHeader, clientAddress);
        }
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(text);
        return new Answer(response.StatusCode, json.RootElement.Clone(), response);
    }

    private HttpClient ClientWithHeader(string authorization)
    {
        var client = factory.CreateApiClient(null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        return client;
    }

    private async Task<(ApiKey Key, string Secret)> CreateKeyAsync(string allowed = "", params string[] permissions)
    {
        var keys = factory.Services.GetRequiredService<IApiKeyService>();
        var result = await keys.CreateAsync(new ApiKeyForm
        {
            Name = $"key {Guid.NewGuid():N}",
            Permissions = new HashSet<string>(permissions.Length == 0 ? [ApiPermissions.TemplatesPreview] : permissions),
            AllowedIps = allowed,
        });
        Assert.True(result.Succeeded, result.Message);
        return (result.Key!, result.Secret!);
    }

    [Fact]
    public async Task Request_WithoutKey_Is401WithAMessageAndEmptyRateLimitHeaders()
    {
        var answer = await PostAsync(factory.CreateApiClient(null));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal("Unauthorized: send your REST API key in the header Authorization: Bearer YOUR-REST-API-KEY.", answer.Message);
        Assert.Equal("", answer.Header("X-RateLimit-Limit"));
        Assert.Equal("", answer.Header("X-RateLimit-Remaining"));
        Assert.Equal("", answer.Header("X-RateLimit-Reset"));
    }

    [Theory]
    [InlineData("Bearer not-a-key", "Invalid API key: not-a-key")]
    [InlineData("Bearer '3c9a3e2e-7f0b-4d8a-9a51-0d6f2b7c1e01'", "Invalid API key: '3c9a3e2e-7f0b-4d8a-9a51-0d6f2b7c1e01' (send the key without quotes)")]
    [InlineData("Bearer \"3c9a3e2e-7f0b-4d8a-9a51-0d6f2b7c1e01\"", "Invalid API key: \"3c9a3e2e-7f0b-4d8a-9a51-0d6f2b7c1e01\" (send the key without quotes)")]
    [InlineData("Basic dXNlcjpwYXNz", "Unauthorized: the Authorization header must read Bearer YOUR-REST-API-KEY.")]
    [InlineData("Bearer ", "Unauthorized: the Authorization header must read Bearer YOUR-REST-API-KEY.")]
    public async Task Request_WithAnUnknownQuotedOrMalformedKey_Is401SayingWhy(string authorization, string message)
    {
        var answer = await PostAsync(ClientWithHeader(authorization));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal(message, answer.Message);
    }

    [Fact]
    public async Task Request_WithARevokedKey_Is401()
    {
        var (key, secret) = await CreateKeyAsync();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(factory.CreateApiClient(secret))).Status);
        await factory.Services.GetRequiredService<IApiKeyService>().RevokeAsync(key.KeyId, key.Version);

        var answer = await PostAsync(factory.CreateApiClient(secret));

        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.Equal($"Invalid API key: {secret}", answer.Message);
    }

    [Fact]
    public async Task Request_WithAKeyLackingThePermission_Is403AccessDeniedNamingIt()
    {
        var answer = await PostAsync(factory.CreateApiClient(DashboardApiFactory.UsersTrackOnlyKey));

        Assert.Equal(HttpStatusCode.Forbidden, answer.Status);
        Assert.Equal("Access Denied", answer.Message);
        Assert.Equal("This API key lacks the permission templates.preview; edit its permissions under Settings > API keys.",
            answer.Body.GetProperty("errors")[0].GetString());
    }

    [Fact]
    public async Task Request_WithAValidKey_AnswersWithTheRateLimitHeadersOfAnHourlyWindow()
    {
        var (_, secret) = await CreateKeyAsync();
        var client = factory.CreateApiClient(secret);

        var first = await PostAsync(client);
        var second = await PostAsync(client);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("Hi Ana", first.Body.GetProperty("output").GetString());
        Assert.Equal("250000", first.Header("X-RateLimit-Limit"));
        Assert.Equal(249_999, int.Parse(first.Header("X-RateLimit-Remaining")));
        Assert.Equal(249_998, int.Parse(second.Header("X-RateLimit-Remaining")));
        var reset = long.Parse(first.Header("X-RateLimit-Reset"));
        Assert.Equal(0, reset % 3600);
        Assert.InRange(reset - DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 0, 3600);
    }

    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.9", HttpStatusCode.OK)]
    [InlineData("203.0.113.0/24", "198.51.100.7", HttpStatusCode.Unauthorized)]
    public async Task Request_FromAnAddress_IsAnsweredOnlyWhenTheKeysAllowListHoldsIt(string allowed, string from, HttpStatusCode expected)
    {
        var (_, secret) = await CreateKeyAsync(allowed);

        var answer = await PostAsync(factory.CreateApiClient(secret), clientAddress: from);

        Assert.Equal(expected, answer.Status);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Equal($"Unauthorized: this API key does not accept requests from {from}.", answer.Message);
        }
    }

    [Theory]
    [InlineData("/messages/sned")]
    [InlineData("/campaigns/trigger/sned")]
    public async Task Request_ToAnUnknownPath_Is404NotFoundAsJson(string path)
    {
        var answer = await PostAsync(factory.CreateApiClient(), path, "{}");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Equal("Not Found", answer.Message);
        Assert.Equal($"No REST endpoint answers POST {path}.", answer.Body.GetProperty("errors")[0].GetString());
    }

    [Fact]
    public async Task ProvisionedKeys_FromConfiguration_AreListedAsProvisioned()
    {
        var keys = await factory.Services.GetRequiredService<IApiKeyService>().ListAsync();

        var provisioned = keys.Where(k => k.Provisioned).Select(k => k.Name).Order().ToList();
        Assert.Equal(["tests, every permission", "tests, users.track only"], provisioned);
    }
}

/// <summary>The rate limit itself, with a limit small enough to reach.</summary>
public sealed class ApiRateLimitTests : IAsyncLifetime
{
    private readonly DashboardApiFactory _factory = new();

    public Task InitializeAsync()
    {
        _factory.Settings["RateLimits:Default:Limit"] = "2";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Request_OverTheKeysLimit_Is429RateLimitedUntilTheWindowEnds()
    {
        var client = _factory.CreateApiClient();
        async Task<HttpResponseMessage> Post() =>
            await client.PostAsync("/api/preview", new StringContent("""{"template": "x"}""", Encoding.UTF8, "application/json"));

        var answers = new[] { await Post(), await Post(), await Post() };

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers.Select(a => a.StatusCode));
        var limited = answers[2];
        using var body = JsonDocument.Parse(await limited.Content.ReadAsStringAsync());
        Assert.Equal("Rate Limited", body.RootElement.GetProperty("message").GetString());
        Assert.Equal("0", limited.Headers.GetValues("X-RateLimit-Remaining").Single());
        Assert.Equal("2", limited.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.True(limited.Headers.RetryAfter is not null || limited.Headers.Contains("Retry-After"));
        // Another key has its own window.
        var other = _factory.CreateApiClient(DashboardApiFactory.UsersTrackOnlyKey);
        var otherAnswer = await other.PostAsync("/api/preview", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, otherAnswer.StatusCode);
        Assert.Equal("1", otherAnswer.Headers.GetValues("X-RateLimit-Remaining").Single());
    }
}
