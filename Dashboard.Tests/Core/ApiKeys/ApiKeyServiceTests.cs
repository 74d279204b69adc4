using System.Net;
using BrazeLite.Core.ApiKeys;
using BrazeLite.Core.ApiKeys.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Core.ApiKeys;

public sealed class ApiKeyServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly IPAddress Client = IPAddress.Parse("198.51.100.7");
    private readonly FakeTimeProvider _time = new(Start);
    private SqliteTestDatabase _database = null!;
    private ApiKeyService _keys = null!;
    private ApiKeyDirectory _directory = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        (_keys, _directory, _) = CoreServices.ApiKeys(_database, _time);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static ApiKeyForm Form(string name = "Order service", string allowed = "", params string[] permissions) => new()
    {
        Name = name,
        Permissions = new HashSet<string>(permissions.Length == 0 ? [ApiPermissions.CampaignsTriggerSend] : permissions, StringComparer.Ordinal),
        AllowedIps = allowed,
    };

    [Fact]
    public async Task Create_ValidForm_ReturnsTheSecretOnceAndStoresOnlyItsHash()
    {
        var result = await _keys.CreateAsync(Form(permissions: [ApiPermissions.CampaignsTriggerSend, ApiPermissions.UsersTrack]));

        Assert.True(result.Succeeded, result.Message);
        var secret = Assert.IsType<string>(result.Secret);
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", secret);
        await using var db = _database.CreateDbContext();
        var row = await db.ApiKeys.AsNoTracking().SingleAsync();
        Assert.Equal(ApiKeySecrets.Hash(secret), row.SecretHash);
        Assert.DoesNotContain(secret, string.Join("|", row.KeyId, row.Name, row.SecretHash, row.Permissions, row.AllowedIps));
        Assert.Equal(secret[..8], row.Prefix);
        var listed = Assert.Single(await _keys.ListAsync());
        Assert.Equal(["campaigns.trigger.send", "users.track"], listed.Permissions.Order(StringComparer.Ordinal));
        Assert.Equal(Start, listed.CreatedAt);
        Assert.Null(listed.LastUsedAt);
    }

    [Fact]
    public async Task Create_NoNameNoPermissionAndABadAddress_IsRefusedWithAMessagePerFieldAndWritesNothing()
    {
        var form = Form(name: " ", allowed: "203.0.113.0/24, 10.0.0.300");
        form.Permissions.Clear();

        var result = await _keys.CreateAsync(form);

        Assert.Equal(WriteOutcome.Invalid, result.Outcome);
        Assert.Equal("Give the key a name, such as the service that will use it.", result.Errors!.For(ApiKeyFields.Name));
        Assert.Equal("Choose at least one permission: a key without any can call nothing.", result.Errors.For(ApiKeyFields.Permissions));
        Assert.StartsWith("\"10.0.0.300\" is not an address or CIDR range", result.Errors.For(ApiKeyFields.AllowedIps));
        Assert.Empty(await _keys.ListAsync());
    }

    [Fact]
    public async Task Check_CreatedKey_IsValidAndItsUseIsRecorded()
    {
        var created = await _keys.CreateAsync(Form());
        _time.Advance(TimeSpan.FromMinutes(5));

        var check = await _directory.CheckAsync(created.Secret!, Client);

        Assert.Equal(ApiKeyCheckOutcome.Valid, check.Outcome);
        Assert.Equal(created.Key!.KeyId, check.Key!.KeyId);
        Assert.Equal(Start.AddMinutes(5), Assert.Single(await _keys.ListAsync()).LastUsedAt);
        await _keys.FlushUsageAsync();
        await using var db = _database.CreateDbContext();
        Assert.Equal(Start.AddMinutes(5), (await db.ApiKeys.AsNoTracking().SingleAsync()).LastUsedAt);
    }

    [Theory]
    [InlineData("203.0.113.0/24", "203.0.113.77", ApiKeyCheckOutcome.Valid)]
    [InlineData("203.0.113.0/24", "198.51.100.7", ApiKeyCheckOutcome.AddressNotAllowed)]
    [InlineData("198.51.100.7", "::ffff:198.51.100.7", ApiKeyCheckOutcome.Valid)]
    [InlineData("2001:db8::/32", "2001:db8:1::5", ApiKeyCheckOutcome.Valid)]
    [InlineData("", "192.0.2.1", ApiKeyCheckOutcome.Valid)]
    public async Task Check_KeyWithAllowList_AcceptsOnlyAddressesInIt(string allowed, string client, ApiKeyCheckOutcome expected)
    {
        var created = await _keys.CreateAsync(Form(allowed: allowed));

        var check = await _directory.CheckAsync(created.Secret!, IPAddress.Parse(client));

        Assert.Equal(expected, check.Outcome);
    }

    [Fact]
    public async Task Revoke_Key_StopsItWorkingAtOnce()
    {
        var created = await _keys.CreateAsync(Form());
        Assert.Equal(ApiKeyCheckOutcome.Valid, (await _directory.CheckAsync(created.Secret!, Client)).Outcome);

        var revoked = await _keys.RevokeAsync(created.Key!.KeyId, created.Key.Version);

        Assert.True(revoked.Succeeded, revoked.Message);
        Assert.Equal(ApiKeyCheckOutcome.Unknown, (await _directory.CheckAsync(created.Secret!, Client)).Outcome);
        Assert.True(Assert.Single(await _keys.ListAsync()).Revoked);
    }

    [Fact]
    public async Task Update_PermissionsAndName_TakeEffectOnTheNextRequest()
    {
        var created = await _keys.CreateAsync(Form());
        var form = ApiKeyForm.From(created.Key!);
        form.Name = "Order service (EU)";
        form.Permissions.Add(ApiPermissions.MessagesSend);

        var updated = await _keys.UpdateAsync(created.Key!.KeyId, form);

        Assert.True(updated.Succeeded, updated.Message);
        var check = await _directory.CheckAsync(created.Secret!, Client);
        Assert.Equal("Order service (EU)", check.Key!.Name);
        Assert.True(check.Key.Allows(ApiPermissions.MessagesSend));
    }

    [Fact]
    public async Task Update_StaleVersion_IsAConflictAndKeepsTheOtherChange()
    {
        var created = await _keys.CreateAsync(Form());
        var mine = ApiKeyForm.From(created.Key!);
        var theirs = ApiKeyForm.From(created.Key!);
        theirs.Name = "Theirs";
        Assert.True((await _keys.UpdateAsync(created.Key!.KeyId, theirs)).Succeeded);

        mine.Name = "Mine";
        var result = await _keys.UpdateAsync(created.Key.KeyId, mine);

        Assert.Equal(WriteOutcome.Conflict, result.Outcome);
        Assert.Equal("Theirs", Assert.Single(await _keys.ListAsync()).Name);
    }

    [Fact]
    public async Task Provision_ListedKeys_AreCreatedThenUpdatedAndRemovedOnesRevoked()
    {
        var ci = new ProvisionedApiKey { Name = "ci", Key = "ci-secret-0123456789abcdef", Permissions = ["*"] };
        var ops = new ProvisionedApiKey { Name = "ops", Key = "ops-secret-0123456789abcdef", Permissions = ["campaigns.list"] };

        await _keys.ProvisionAsync([ci, ops]);
        var first = await _keys.ListAsync();
        Assert.All(first, k => Assert.True(k.Provisioned));
        Assert.Equal(ApiPermissions.All.Count, first.Single(k => k.Name == "ci").Permissions.Count);

        ops.Permissions = ["campaigns.list", "campaigns.details"];
        await _keys.ProvisionAsync([ops]);

        var second = await _keys.ListAsync();
        Assert.True(second.Single(k => k.Name == "ci").Revoked);
        Assert.Equal(ApiKeyCheckOutcome.Unknown, (await _directory.CheckAsync(ci.Key, Client)).Outcome);
        var opsCheck = await _directory.CheckAsync(ops.Key, Client);
        Assert.True(opsCheck.Key!.Allows(ApiPermissions.CampaignsDetails));
        Assert.Equal(first.Single(k => k.Name == "ops").KeyId, opsCheck.Key.KeyId);
    }

    [Fact]
    public async Task UpdateAndRevoke_ProvisionedKey_AreRefusedPointingAtTheConfiguration()
    {
        await _keys.ProvisionAsync([new ProvisionedApiKey { Name = "ci", Key = "ci-secret-0123456789abcdef", Permissions = ["*"] }]);
        var key = Assert.Single(await _keys.ListAsync());

        var update = await _keys.UpdateAsync(key.KeyId, ApiKeyForm.From(key));
        var revoke = await _keys.RevokeAsync(key.KeyId, key.Version);

        Assert.Equal(WriteOutcome.NotAllowed, update.Outcome);
        Assert.Equal(WriteOutcome.NotAllowed, revoke.Outcome);
        Assert.Contains("ApiKeys:Provisioned", update.Message);
        Assert.False(Assert.Single(await _keys.ListAsync()).Revoked);
    }

    [Theory]
    [InlineData("short", "use at least 20 random ones")]
    [InlineData("'quoted-secret-0123456789'", "may not hold quotes")]
    public void ProvisionedKey_WeakOrQuotedSecret_FailsValidationAtStart(string secret, string expected)
    {
        var options = new ApiKeyOptions { Provisioned = [new ProvisionedApiKey { Name = "ci", Key = secret, Permissions = ["*"] }] };

        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(options, new(options), results, validateAllProperties: true);

        Assert.Contains(results, r => r.ErrorMessage!.Contains(expected, StringComparison.Ordinal));
    }
}
