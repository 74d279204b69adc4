using BrazeLite.Core.Accounts;
using BrazeLite.Core.Audit;
using Dashboard.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Accounts;

/// <summary>The account flows through the app's own Identity setup on a real database: first admin, invitation, lockout, roles.</summary>
public sealed class AccountServiceTests : IAsyncLifetime
{
    private const string Password = "a long enough passphrase";
    private readonly DashboardApiFactory _factory = new();

    public Task InitializeAsync()
    {
        _ = _factory.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private AccountService Accounts => _factory.Services.GetRequiredService<AccountService>();

    private async Task<T> WithUsersAsync<T>(Func<UserManager<Account>, SignInManager<Account>, Task<T>> use)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<UserManager<Account>>(), scope.ServiceProvider.GetRequiredService<SignInManager<Account>>());
    }

    private Task<SignInResult> SignInAsync(string email, string password) =>
        WithUsersAsync(async (users, signIn) => await users.FindByEmailAsync(email) is { } account
            ? await signIn.CheckPasswordSignInAsync(account, password, lockoutOnFailure: true)
            : SignInResult.Failed);

    private async Task<Actor> FirstAdminAsync()
    {
        var created = await Accounts.CreateFirstAdminAsync(new FirstAdminForm { DisplayName = "Ada", Email = "ada@shop.example", Password = Password, ConfirmPassword = Password });
        Assert.True(created.Succeeded, created.Message);
        return new Actor(created.AccountId!, "Ada", Roles.Admin);
    }

    [Fact]
    public async Task FirstAdmin_OnAnEmptyDatabase_IsCreatedOnceAsAdminAndCanSignIn()
    {
        Assert.False(await Accounts.AnyAccountAsync());
        var admin = await FirstAdminAsync();

        var again = await Accounts.CreateFirstAdminAsync(new FirstAdminForm { DisplayName = "Eve", Email = "eve@shop.example", Password = Password, ConfirmPassword = Password });

        Assert.False(again.Succeeded);
        Assert.Equal("An administrator exists already: sign in, or ask an administrator for an invitation.", again.Message);
        Assert.True((await SignInAsync("ada@shop.example", Password)).Succeeded);
        Assert.Equal([Roles.Admin], await WithUsersAsync(async (users, _) => await users.GetRolesAsync((await users.FindByIdAsync(admin.AccountId))!)));
        Assert.False((await SignInAsync("eve@shop.example", Password)).Succeeded);
    }

    [Theory]
    [InlineData("short", "Password", "Passwords must be at least 12 characters.")]
    [InlineData("aaaaaaaaaaaaaaaa", "Password", "Passwords must use at least 4 different characters.")]
    public async Task FirstAdmin_WeakPassword_IsRefusedOnThePasswordField(string password, string field, string message)
    {
        var result = await Accounts.CreateFirstAdminAsync(new FirstAdminForm { DisplayName = "Ada", Email = "ada@shop.example", Password = password, ConfirmPassword = password });

        Assert.False(result.Succeeded);
        Assert.Equal(message, result.ErrorFor(field));
        Assert.False(await Accounts.AnyAccountAsync());
    }

    [Fact]
    public async Task Invitation_LinkSetsThePasswordOnceThenStopsWorking()
    {
        var admin = await FirstAdminAsync();
        AccountResult invited;
        using (AmbientActor.Use(admin))
        {
            invited = await Accounts.InviteAsync(new InviteForm { DisplayName = "Mia", Email = "mia@shop.example", Role = Roles.Marketer });
        }
        Assert.True(invited.Succeeded, invited.Message);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("https://x/" + invited.Link).Query);
        var (id, token) = (query["account"], query["token"]);
        Assert.Equal(invited.AccountId, id);
        Assert.False((await SignInAsync("mia@shop.example", "")).Succeeded);

        Assert.True(await Accounts.IsLinkValidAsync(id, token));
        var set = await Accounts.SetPasswordAsync(id, token, new SetPasswordForm { Password = Password, ConfirmPassword = Password });
        Assert.True(set.Succeeded, set.Message);
        var reused = await Accounts.SetPasswordAsync(id, token, new SetPasswordForm { Password = "another passphrase here", ConfirmPassword = "another passphrase here" });

        Assert.Equal(AccountService.ExpiredLink, reused.Message);
        Assert.False(await Accounts.IsLinkValidAsync(id, token));
        Assert.True((await SignInAsync("mia@shop.example", Password)).Succeeded);
        using (AmbientActor.Use(admin))
        {
            var listed = Assert.Single(await Accounts.ListAsync(), a => a.Email == "mia@shop.example");
            Assert.Equal((Roles.Marketer, AccountState.Active), (listed.Role, listed.State));
            var trail = (await _factory.Services.GetRequiredService<IAuditReader>().ListAsync(new AuditQuery(Area: AuditArea.Account)))!;
            Assert.Equal(["Invitation accepted", "User invited", "First administrator created"], trail.Entries.Select(e => e.Action));
            Assert.Equal("Mia", trail.Entries[0].ActorName);
            Assert.Equal("Ada", trail.Entries[1].ActorName);
        }
    }

    [Theory]
    [InlineData(Roles.Approver)]
    [InlineData(Roles.Marketer)]
    [InlineData(Roles.Viewer)]
    public async Task Invitation_ByANonAdmin_IsRefusedAndCreatesNothing(string role)
    {
        await FirstAdminAsync();
        using (AmbientActor.Use(TestActors.ByRole(role)))
        {
            var result = await Accounts.InviteAsync(new InviteForm { DisplayName = "Eve", Email = "eve@shop.example", Role = Roles.Admin });
            var disabled = await Accounts.DisableAsync("anyone");

            Assert.Equal($"Your role ({role}) cannot manage users.", result.Message);
            Assert.Equal(result.Message, disabled.Message);
            Assert.Empty(await Accounts.ListAsync());
        }
        Assert.Null(await WithUsersAsync((users, _) => users.FindByEmailAsync("eve@shop.example")));
    }

    [Fact]
    public async Task Lockout_AfterFiveWrongPasswords_EvenTheRightOneIsRefused()
    {
        await FirstAdminAsync();
        for (var i = 0; i < 4; i++)
        {
            Assert.False((await SignInAsync("ada@shop.example", "wrong password " + i)).IsLockedOut);
        }

        Assert.True((await SignInAsync("ada@shop.example", "wrong password 5")).IsLockedOut);
        Assert.True((await SignInAsync("ada@shop.example", Password)).IsLockedOut);
    }

    [Fact]
    public async Task RoleChangeAndDisable_EndTheSessionsAndTheLastAdminStays()
    {
        var admin = await FirstAdminAsync();
        using var _ = AmbientActor.Use(admin);
        var invited = await Accounts.InviteAsync(new InviteForm { DisplayName = "Mia", Email = "mia@shop.example", Role = Roles.Marketer });
        var stamp = await WithUsersAsync(async (users, _) => (await users.FindByIdAsync(invited.AccountId!))!.SecurityStamp);

        Assert.True((await Accounts.ChangeRoleAsync(invited.AccountId!, Roles.Approver)).Succeeded);
        Assert.NotEqual(stamp, await WithUsersAsync(async (users, _) => (await users.FindByIdAsync(invited.AccountId!))!.SecurityStamp));
        Assert.Equal("This is the only administrator: make someone else an admin first.", (await Accounts.ChangeRoleAsync(admin.AccountId, Roles.Viewer)).Message);
        Assert.Equal("You cannot disable your own account.", (await Accounts.DisableAsync(admin.AccountId)).Message);

        Assert.True((await Accounts.DisableAsync(invited.AccountId!)).Succeeded);
        var listed = await Accounts.ListAsync();
        Assert.Equal((Roles.Approver, AccountState.Disabled), listed.Where(a => a.Id == invited.AccountId).Select(a => (a.Role, a.State)).Single());
        Assert.Equal($"Mia's account is disabled: enable it first.", (await Accounts.NewLinkAsync(invited.AccountId!)).Message);
        Assert.True((await Accounts.EnableAsync(invited.AccountId!)).Succeeded);
    }
}
