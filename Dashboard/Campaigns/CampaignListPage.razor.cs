using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Dashboard.Campaigns;

public partial class CampaignListPage
{
    internal const string SortName = "name";
    internal const string SortLastEdited = "lastEdited";
    internal const string SortType = "type";
    internal const string SortStatus = "status";

    // The filters and the page live in the address, so a link or a reload shows the same list.
    [SupplyParameterFromQuery(Name = "q")] public string? SearchParameter { get; set; }
    [SupplyParameterFromQuery(Name = "type")] public string? TypeParameter { get; set; }
    [SupplyParameterFromQuery(Name = "status")] public string? StatusParameter { get; set; }
    [SupplyParameterFromQuery(Name = "tag")] public string? TagParameter { get; set; }
    [SupplyParameterFromQuery(Name = "archived")] public bool? ArchivedParameter { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageParameter { get; set; }

    [Inject] public required Dashboard.Accounts.CurrentAccount Account { get; init; }
    [Inject] public required ICampaignService Campaigns { get; init; }
    [Inject] public required ISnackbar Snackbar { get; init; }
    [Inject] public required IDialogService Dialogs { get; init; }
    [Inject] public required NavigationManager Navigation { get; init; }
    [Inject] public required TimeProvider Clock { get; init; }

    private MudTable<CampaignListItem>? _table;
    private string? _search;
    private CampaignType? _type;
    private CampaignStatus? _status;
    private string? _tag;
    private bool _showArchived;
    private int _currentPage;
    private bool _loaded;
    private int? _addressPage;
    private int _shownPage;
    private IReadOnlyList<string> _tags = [];
    private bool _noCampaignsAtAll;
    private TableData<CampaignListItem> _shown = new() { Items = [], TotalItems = 0 };

    /// <summary>Turns the table's state and the toolbar's filters into the service's query.</summary>
    internal static CampaignQuery QueryFor(TableState state, string? search, CampaignType? type, CampaignStatus? status, string? tag = null,
        bool includeArchived = true)
    {
        var sort = (state.SortLabel, state.SortDirection) switch
        {
            (SortName, SortDirection.Ascending) => CampaignSort.NameAsc,
            (SortName, SortDirection.Descending) => CampaignSort.NameDesc,
            (SortLastEdited, SortDirection.Ascending) => CampaignSort.LastEditedAsc,
            (SortType, SortDirection.Ascending) => CampaignSort.TypeAsc,
            (SortType, SortDirection.Descending) => CampaignSort.TypeDesc,
            (SortStatus, SortDirection.Ascending) => CampaignSort.StatusAsc,
            (SortStatus, SortDirection.Descending) => CampaignSort.StatusDesc,
            _ => CampaignSort.LastEditedDesc,
        };
        return new CampaignQuery(
            Search: string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            Type: type,
            Status: status,
            Sort: sort,
            Page: state.Page,
            PageSize: state.PageSize,
            Tag: tag,
            IncludeArchived: includeArchived);
    }

    protected override void OnInitialized()
    {
        _search = SearchParameter;
        _type = Enum.TryParse<CampaignType>(TypeParameter, ignoreCase: true, out var type) ? type : null;
        _status = Enum.TryParse<CampaignStatus>(StatusParameter, ignoreCase: true, out var status) ? status : null;
        _tag = string.IsNullOrWhiteSpace(TagParameter) ? null : TagParameter;
        _showArchived = ArchivedParameter == true;
        _currentPage = Math.Max(0, PageParameter ?? 0);
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // The address follows the list once a load has rendered, not in the middle of the table's load.
        if (_addressPage is { } page)
        {
            _addressPage = null;
            KeepInAddress(page);
        }
    }

    /// <summary>Writes the filters and the page into the address (replacing the history entry, not adding one).</summary>
    private void KeepInAddress(int page)
    {
        var uri = Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["q"] = string.IsNullOrWhiteSpace(_search) ? null : _search.Trim(),
            ["type"] = _type?.ToString(),
            ["status"] = _status?.ToString(),
            ["tag"] = _tag,
            ["archived"] = _showArchived ? "true" : null,
            ["page"] = page > 0 ? page : null,
        });
        if (uri != Navigation.Uri)
        {
            Navigation.NavigateTo(uri, replace: true);
        }
    }

    private async Task<TableData<CampaignListItem>> LoadAsync(TableState state, CancellationToken ct)
    {
        var query = QueryFor(state, _search, _type, _status, _tag, _showArchived);
        CampaignPage page;
        try
        {
            page = await Campaigns.ListAsync(query, ct);
            _tags = await Campaigns.TagsAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The table cancels a load when a newer one starts (typing, filtering, paging); that one fills the table.
            return _shown;
        }
        var unfiltered = query is { Search: null, Type: null, Status: null, Tag: null };
        // Archived campaigns are hidden, not gone: with only those, the list stays, to offer "Show archived".
        if (unfiltered && page.TotalCount == 0 && query.Page == 0
            && (query.IncludeArchived || (await Campaigns.ListAsync(query with { IncludeArchived = true, PageSize = 1 }, ct)).TotalCount == 0))
        {
            _noCampaignsAtAll = true;
            StateHasChanged();
        }
        _shown = new TableData<CampaignListItem> { Items = page.Items, TotalItems = page.TotalCount };
        _loaded = true;
        if (query.Page != _shownPage)
        {
            // A pager click renders the table only: the address follows it here. Filters change through the page's own
            // handlers, whose renders write the address (OnAfterRender), so typing is never interrupted by a navigation.
            KeepInAddress(query.Page);
        }
        _shownPage = query.Page;
        _addressPage = query.Page;
        return _shown;
    }

    private Task ReloadAsync() => _table?.ReloadServerData() ?? Task.CompletedTask;

    private Task SearchAsync(string? _) => ReloadAsync();

    private Task TypeChangedAsync(CampaignType? type)
    {
        _type = type;
        return ReloadAsync();
    }

    private Task StatusChangedAsync(CampaignStatus? status)
    {
        _status = status;
        return ReloadAsync();
    }

    private Task ShowArchivedChangedAsync(bool show)
    {
        _showArchived = show;
        return ReloadAsync();
    }

    private Task TagChangedAsync(string? tag)
    {
        _tag = tag;
        return ReloadAsync();
    }

    private static string TagText(string? tag) => tag ?? "All tags";

    private static string TypeText(CampaignType? type) => type is { } t ? CampaignText.Label(t) : "All types";

    private static string StatusText(CampaignStatus? status) => status?.ToString() ?? "All statuses";

    private string LastEditedText(DateTimeOffset when)
    {
        var ago = Clock.GetUtcNow() - when;
        return ago switch
        {
            { TotalMinutes: < 1 } => "just now",
            { TotalHours: < 1 } => $"{(int)ago.TotalMinutes} min ago",
            { TotalDays: < 1 } => $"{(int)ago.TotalHours} h ago",
            _ => when.ToUniversalTime().ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private async Task ApplyAsync(CampaignListItem item, CampaignAction action)
    {
        var result = await CampaignDialogs.RunActionAsync(Dialogs, Snackbar, Campaigns, item.CampaignId, item.Name, action, item.Version,
            () => InvokeAsync(ReloadAsync), refusal => ShowRefusal(item, action.ToString(), refusal));
        if (result is { Succeeded: false })
        {
            await ReloadAsync();
        }
    }

    private async Task DuplicateAsync(CampaignListItem item)
    {
        var result = await Campaigns.DuplicateAsync(item.CampaignId);
        if (result is { Succeeded: true, CampaignId: { } copyId })
        {
            Navigation.NavigateTo($"/campaigns/{copyId}");
            return;
        }
        ShowRefusal(item, "Duplicate", result);
    }

    private async Task DeleteAsync(CampaignListItem item)
    {
        if (!await CampaignDialogs.ConfirmDeleteAsync(Dialogs, item.Name))
        {
            return;
        }
        var result = await Campaigns.DeleteAsync(item.CampaignId, item.Version);
        if (result.Succeeded)
        {
            Snackbar.Add($"Deleted {item.Name}", Severity.Success);
        }
        else
        {
            ShowRefusal(item, "Delete", result);
        }
        await ReloadAsync();
    }

    private void ShowRefusal(CampaignListItem item, string what, WriteResult result)
    {
        var problems = CampaignActionText.Problems(result);
        var text = result.Outcome == WriteOutcome.Invalid
            ? $"{what} refused for {item.Name}: {string.Join(" ", problems)}"
            : $"{what} refused for {item.Name}: {result.Message}";
        Snackbar.Add(text, Severity.Error, o => o.RequireInteraction = true);
    }
}
