using AngleSharp.Dom;
using Bunit;
using Dashboard.Accounts;
using Dashboard.Campaigns.Handoff;
using Dashboard.Preview;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace Dashboard.Tests.Shared;

/// <summary>
/// The one base of the component tests: the services the app registers, with the stores faked in memory, the real
/// Liquid renderers, a clock the test moves (<see cref="Time"/>), and helpers that find what a person sees (labels, roles,
/// text) rather than MudBlazor's classes.
/// </summary>
public abstract partial class DashboardTestContext : BunitContext, IAsyncLifetime
{
    /// <summary>The configured <c>PublicUrl</c> the ready requests name.</summary>
    public const string PublicUrl = "https://brazelite.example.com";

    protected DashboardTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;   // MudBlazor's and Monaco's JS are not under test
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Time);
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        Services.AddSingleton<ICampaignService>(Campaigns);
        Services.AddSingleton<ISampleDataService>(SampleData);
        Services.AddSingleton<BrazeLite.Core.Delivery.ITestSendService>(TestSends);
        Services.AddSingleton<ITemplateRenderer, TemplateRenderer>();
        Services.AddSingleton<MessageRenderer>();
        Services.AddSingleton<TemplateRules>();
        Services.AddSingleton(Options.Create(new HandoffOptions { PublicUrl = PublicUrl }));
        Services.AddPreview();
        // Template fields as text areas: the code editor needs a browser.
        Services.AddSingleton(new TemplateEditorOptions { UseCodeEditor = false });
        Account.Set(TestActors.Admin);
        Services.AddSingleton(Account);
        Services.AddSingleton<BrazeLite.Core.Accounts.IActorAccessor>(new AccountActor(Account));
        Services.AddScoped<UnsavedWork>();
        Services.AddSingleton<BrazeLite.Core.Audit.IAuditReader>(AuditTrail);
        Services.AddSingleton<BrazeLite.Core.Approvals.IApprovalService>(Approvals);
    }

    internal FakeApprovalService Approvals { get; } = new();

    internal FakeAuditReader AuditTrail { get; } = new();

    /// <summary>The signed-in account the pages see; an admin unless a test signs in as another role.</summary>
    internal CurrentAccount Account { get; } = new();

    /// <summary>Renders what follows as <paramref name="actor"/> would see it.</summary>
    protected void SignInAs(BrazeLite.Core.Accounts.Actor actor) => Account.Set(actor);

    private sealed class AccountActor(CurrentAccount account) : BrazeLite.Core.Accounts.IActorAccessor
    {
        public BrazeLite.Core.Accounts.Actor? Current => account.Actor;
    }

    /// <summary>The clock every service and component reads; tests move it with <see cref="FakeTimeProvider.Advance"/>.</summary>
    internal FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));

    internal FakeCampaignService Campaigns { get; } = new();

    internal FakeSampleDataService SampleData { get; } = new();

    internal FakeTestSendService TestSends { get; } = new();

    /// <summary>The popover provider rendered by <see cref="RenderPopovers"/>, where menus and selects open.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = null!;

    protected IRenderedComponent<MudPopoverProvider> RenderPopovers() => Popovers = Render<MudPopoverProvider>();

    protected IRenderedComponent<MudDialogProvider> RenderDialogs() => Render<MudDialogProvider>();

    protected string CurrentUri => Services.GetRequiredService<NavigationManager>().Uri;

    protected PreviewSession SessionFor(CampaignForm form) => Services.GetRequiredService<PreviewSessions>().For(form);

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    /// <summary>The input or textarea whose label reads exactly <paramref name="label"/>.</summary>
    protected static IElement Field<T>(IRenderedComponent<T> cut, string label) where T : IComponent
    {
        var ids = cut.FindAll("label")
            .Where(l => l.TextContent.Trim() == label)
            .Select(l => l.GetAttribute("for"))
            .Where(id => !string.IsNullOrEmpty(id))
            .ToList();
        Assert.True(ids.Count == 1, $"Expected one field labelled \"{label}\", found {ids.Count}.");
        return cut.Find($"#{ids[0]}");
    }

    /// <summary>
    /// The message shown under the field labelled <paramref name="label"/>, or null. MudBlazor links a field to its
    /// helper text by nothing a person or a screen reader sees, so this one lookup knows its markup.
    /// </summary>
    protected static string? ErrorUnder<T>(IRenderedComponent<T> cut, string label) where T : IComponent
    {
        var control = Field(cut, label).Closest(".mud-input-control");
        return control?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim()
            ?? (control?.ClassList.Contains("mud-input-error") == true ? control.QuerySelector(".mud-input-helper-text")?.TextContent.Trim() : null);
    }

    /// <summary>The checkbox whose label reads exactly <paramref name="label"/> (the input sits inside its label).</summary>
    protected static IElement CheckBox<T>(IRenderedComponent<T> cut, string label) where T : IComponent =>
        cut.FindAll("label").Single(l => Normalize(l.TextContent) == label).QuerySelector("input[type=checkbox]")!;

    /// <summary>The button whose text or accessible name is <paramref name="text"/>.</summary>
    protected static IElement Button<T>(IRenderedComponent<T> cut, string text) where T : IComponent =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text || b.GetAttribute("aria-label") == text);

    /// <summary>Clicks the button with this text or accessible name, on the renderer's thread so no render slips in between.</summary>
    protected static void Click<T>(IRenderedComponent<T> cut, string text) where T : IComponent =>
        cut.InvokeAsync(() => Button(cut, text).Click()).GetAwaiter().GetResult();

    protected static void Type<T>(IRenderedComponent<T> cut, string label, string value) where T : IComponent => Field(cut, label).Input(value);

    /// <summary>The element with <paramref name="role"/> whose accessible name is <paramref name="name"/>.</summary>
    protected static IElement ByRole<T>(IRenderedComponent<T> cut, string role, string name) where T : IComponent =>
        cut.FindAll($"[role={role}]").Single(e => e.GetAttribute("aria-label") == name || e.TextContent.Trim() == name);

    /// <summary>The notices on screen: alerts (<c>role=alert</c>) and status messages (<c>role=status</c>), as a screen reader announces them.</summary>
    protected static IReadOnlyList<string> Notices<T>(IRenderedComponent<T> cut) where T : IComponent =>
        cut.FindAll("[role=alert], [role=status]").Select(a => Normalize(a.TextContent)).ToList();

    /// <summary>The notice that says <paramref name="text"/>; fails listing the notices on screen when none does.</summary>
    protected static IElement NoticeSaying<T>(IRenderedComponent<T> cut, string text) where T : IComponent
    {
        var notice = cut.FindAll("[role=alert], [role=status]").FirstOrDefault(a => Normalize(a.TextContent).Contains(text, StringComparison.Ordinal));
        Assert.True(notice is not null, $"No notice says \"{text}\"; the notices read: [{string.Join("] [", Notices(cut))}]");
        return notice!;
    }

    /// <summary>The text of the dialogs open in <paramref name="dialogs"/> (<c>role=dialog</c>).</summary>
    protected static string DialogText(IRenderedComponent<MudDialogProvider> dialogs) =>
        string.Join("\n", dialogs.FindAll("[role=dialog]").Select(d => Normalize(d.TextContent)));

    /// <summary>The part of the page under the heading <paramref name="heading"/>: the element the heading opens.</summary>
    protected static IElement SectionHeaded<T>(IRenderedComponent<T> cut, string heading) where T : IComponent =>
        cut.FindAll("h1, h2, h3, h4").Single(h => Normalize(h.TextContent) == heading).ParentElement!;

    /// <summary>What a definition list under <paramref name="scope"/> says for <paramref name="term"/> (its <c>dd</c>).</summary>
    protected static string DefinitionOf(IElement scope, string term)
    {
        var dt = scope.QuerySelectorAll("dt").Single(d => Normalize(d.TextContent) == term);
        return Normalize(dt.NextElementSibling!.TextContent);
    }

    /// <summary>The description a screen reader reads with <paramref name="element"/> (the elements its <c>aria-describedby</c> names).</summary>
    protected static string DescriptionOf<T>(IRenderedComponent<T> cut, IElement element) where T : IComponent =>
        string.Join(' ', (element.GetAttribute("aria-describedby") ?? "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(id => cut.FindAll($"#{id}"))
            .Select(e => Normalize(e.TextContent)));

    /// <summary>What a provider (snackbars, dialogs) shows, as text: it holds nothing but its messages.</summary>
    protected static string TextOf<T>(IRenderedComponent<T> provider) where T : IComponent =>
        Normalize(string.Concat(provider.Nodes.Select(n => n.TextContent)));

    /// <summary>Text with runs of white space as one space, as it reads on screen.</summary>
    protected static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Each body row of the table labelled <paramref name="label"/>, as its cells read, joined by single spaces.</summary>
    protected static List<string> RowsOf<T>(IRenderedComponent<T> cut, string label) where T : IComponent =>
        cut.FindAll($"[aria-label='{label}'] tbody tr").Select(r => string.Join(" ", r.Children.Select(c => Normalize(c.TextContent)))).ToList();

    /// <summary>The table row holding <paramref name="text"/>.</summary>
    protected static IElement RowWith<T>(IRenderedComponent<T> cut, string text) where T : IComponent =>
        cut.FindAll("tbody tr").Single(r => r.TextContent.Contains(text, StringComparison.Ordinal));

    protected static void GoToStep<T>(IRenderedComponent<T> cut, string title) where T : IComponent =>
        cut.FindAll("button[role=tab]").Single(b => b.TextContent.Contains(title, StringComparison.Ordinal)).Click();

    /// <summary>Opens the select labelled <paramref name="label"/> and returns the options it offers.</summary>
    protected IReadOnlyList<string> OpenSelect<T>(IRenderedComponent<T> cut, string label) where T : IComponent
    {
        OpenSelectOf(Field(cut, label));
        // The popover renders its options a moment after the mouse-down; a select always has some.
        Popovers.WaitForAssertion(() => Assert.NotEmpty(OpenItems("[role=option]")));
        return OpenOptions("[role=option]");
    }

    /// <summary>
    /// Opens a select from its input. MudBlazor opens it on a mouse-down on the control around the input, which nothing a
    /// person sees names, so this one helper knows that markup.
    /// </summary>
    protected static void OpenSelectOf(IElement input) => input.Closest(".mud-input-control")!.MouseDown();

    /// <summary>Chooses <paramref name="option"/> in the select whose input is <paramref name="input"/>.</summary>
    protected void Choose(IElement input, string option)
    {
        OpenSelectOf(input);
        Popovers.WaitForAssertion(() => Assert.Contains(OpenItems("[role=option]"), o => o.TextContent.Trim() == option));
        Popovers.InvokeAsync(() => OpenItems("[role=option]").Single(o => o.TextContent.Trim() == option).Click()).GetAwaiter().GetResult();
    }

    /// <summary>The titles of the editor's steps, as the step buttons read them (without their number).</summary>
    protected static IReadOnlyList<string> StepTitles<T>(IRenderedComponent<T> cut) where T : IComponent =>
        cut.FindAll("button[role=tab]").Select(b => b.TextContent.Trim().TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '!').Trim()).ToList();

    /// <summary>
    /// Whether a step shows its error mark. MudBlazor draws it as an icon that says nothing to a screen reader (its class
    /// is the only sign), so this one helper reads it.
    /// </summary>
    protected static bool StepShowsError<T>(IRenderedComponent<T> cut, string title) where T : IComponent =>
        cut.FindAll("button[role=tab]").Single(b => b.TextContent.Contains(title, StringComparison.Ordinal)).ClassList.Contains("mud-step-error");

    /// <summary>The tab (a variant, a channel) whose text is <paramref name="text"/>.</summary>
    protected static IElement Tab<T>(IRenderedComponent<T> cut, string text) where T : IComponent =>
        cut.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == text);

    /// <summary>The close button of the chip that reads <paramref name="text"/> (a tag).</summary>
    protected static IElement ChipCloseButton<T>(IRenderedComponent<T> cut, string text) where T : IComponent =>
        cut.FindAll("button[aria-label=Close]").Single(b => b.ParentElement!.TextContent.Trim() == text);

    protected void ChooseOption<T>(IRenderedComponent<T> cut, string label, string option) where T : IComponent
    {
        OpenSelect(cut, label);
        Popovers.InvokeAsync(() => OpenItems("[role=option]").Single(o => o.TextContent.Trim() == option).Click()).GetAwaiter().GetResult();
        Popovers.WaitForAssertion(() => Assert.Empty(OpenItems("[role=option]")));
    }

    /// <summary>Opens the menu button with this text and returns its items.</summary>
    protected IReadOnlyList<string> OpenMenu<T>(IRenderedComponent<T> cut, string text) where T : IComponent
    {
        cut.InvokeAsync(() => Button(cut, text).Click()).GetAwaiter().GetResult();
        return OpenOptions("[role=menuitem]");
    }

    protected void ChooseMenuItem<T>(IRenderedComponent<T> cut, string menu, string item) where T : IComponent
    {
        OpenMenu(cut, menu);
        Popovers.WaitForAssertion(() => Assert.Contains(OpenItems("[role=menuitem]"), o => o.TextContent.Trim() == item));
        Popovers.InvokeAsync(() => OpenItems("[role=menuitem]").Single(o => o.TextContent.Trim() == item).Click()).GetAwaiter().GetResult();
        Popovers.WaitForAssertion(() => Assert.Empty(OpenItems("[role=menuitem]")));
    }

    // Menus and selects render their items into the popover provider while open.
    private IEnumerable<IElement> OpenItems(string selector) =>
        Popovers.FindAll(selector).Where(e => e.Closest("[class*=popover-open]") is not null);

    private List<string> OpenOptions(string selector) => OpenItems(selector).Select(o => o.TextContent.Trim()).ToList();
}
