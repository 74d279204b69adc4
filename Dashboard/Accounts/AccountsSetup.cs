using BrazeLite.Core.Accounts;
using BrazeLite.Core.Data;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Accounts;

/// <summary>
/// Sign-in for the dashboard: Identity's cookie, roles, lockout, revalidation of open circuits, and the data-protection
/// keys in the database. The REST API keeps its own bearer scheme (docs/decisions/0006); neither opens the other.
/// </summary>
public static class AccountsSetup
{
    /// <summary>How often a session is checked against its account: a change ends it within this time.</summary>
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromMinutes(1);

    public const int MinimumPasswordLength = 12;

    /// <summary>A dashboard session lasts this long after the last page load (sliding, as the cookie is renewed).</summary>
    public const int SessionHours = 8;

    public const int LockoutMinutes = 15;

    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, AccountRevalidation>();
        services.AddScoped<CurrentAccount>();
        services.AddScoped<UnsavedWork>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, AccountCircuitHandler>());

        // The REST endpoints read only their bearer key (Api/Authentication), never this cookie: neither opens the other.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "BrazeLite.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(SessionHours);
            o.SlidingExpiration = true;
            SessionExpiry.TrackRenewals(o);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = RevalidationInterval);
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));

        services.AddIdentityCore<Account>(o =>
            {
                // Length over character classes (NIST SP 800-63B): a long passphrase is allowed, "Passw0rd!" is not.
                o.Password.RequiredLength = MinimumPasswordLength;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(LockoutMinutes);
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<BrazeLiteDbContext>()
            .AddClaimsPrincipalFactory<AccountClaims>()
            .AddSignInManager()
            .AddDefaultTokenProviders();

        services.AddDataProtection().SetApplicationName("BrazeLite");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = ActivatorUtilities.CreateInstance<DatabaseKeyRepository>(sp)));

        services.AddAuthorization();
        services.AddSingleton<AccountService>();
        return builder;
    }

    /// <summary>
    /// Makes the signed-in account the acting one for each page request (circuits set it per event), and sends every
    /// page to the first administrator's form while nobody can sign in.
    /// </summary>
    /// <remarks>
    /// The pages' middleware (cookie authentication, authorization, the acting account, antiforgery) is one branch that
    /// REST requests skip: they act as their key (<see cref="Api.BrazeApi.UseBrazeApi"/>) and never read the cookie, and
    /// every middleware they pass costs the send path CPU.
    /// </remarks>
    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseWhen(context => !Api.BrazeApi.IsRestEndpoint(context), pages =>
        {
            pages.UseAuthentication();
            pages.UseAuthorization();
            pages.Use(AsAccountAsync);
            pages.UseAntiforgery();
        });
        // UseWhen keeps its branch's properties to itself: without these flags WebApplication would add a second,
        // unconditional copy of each of these middlewares in front of the pipeline (ASP.NET Core's WebApplicationBuilder).
        foreach (var flag in (string[])["__AuthenticationMiddlewareSet", "__AuthorizationMiddlewareSet", "__AntiforgeryMiddlewareSet"])
        {
            ((IApplicationBuilder)app).Properties[flag] = true;
        }
        return app;
    }

    private static async Task AsAccountAsync(HttpContext context, RequestDelegate next)
    {
        using (AmbientActor.Use(CurrentAccount.ActorOf(context.User)))
        {
            await next(context);
        }
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        // Plain form posts from the layout's menu, so the antiforgery token is checked explicitly.
        var account = app.MapGroup("/account").ExcludeFromDescription().WithMetadata(new RequireAntiforgeryTokenAttribute())
            // The middleware only marks the token invalid (form binding would refuse it); these handlers bind no form.
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: true }
                    ? await next(context)
                    : TypedResults.BadRequest());
        account.MapPost("/logout", async (SignInManager<Account> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login?signedOut=1");
        });
        account.MapPost("/logout-everywhere", async (SignInManager<Account> signIn, AccountService accounts, HttpContext context) =>
        {
            if (CurrentAccount.ActorOf(context.User) is { } actor)
            {
                using (AmbientActor.Use(actor))
                {
                    await accounts.SignOutEverywhereAsync(actor.AccountId);
                }
            }
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("~/account/login?signedOut=everywhere");
        }).RequireAuthorization();
        return app;
    }
}
