using Bunit;
using Dashboard.Campaigns;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Tests.Campaigns;

/// <summary>The services the campaign pages need, with the campaign store faked in memory.</summary>
public abstract class CampaignComponentTest : BunitContext, IAsyncLifetime
{
    protected const string RestEndpoint = "https://rest.fra-02.braze.eu";

    internal FakeCampaignService Campaigns { get; } = new();

    protected CampaignComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton<ICampaignService>(Campaigns);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new HandoffOptions(RestEndpoint));
    }

    /// <summary>Renders the providers that host MudBlazor's menus, selects and dialogs.</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderPopovers() => Render<MudPopoverProvider>();

    protected IRenderedComponent<MudDialogProvider> RenderDialogs() => Render<MudDialogProvider>();

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    protected string CurrentUri => Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri;
}
