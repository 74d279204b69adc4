using Microsoft.AspNetCore.Components;

namespace Dashboard.Preview;

/// <summary>
/// Renders every variant of a saved API-triggered campaign against every saved sample (each payload with each sample
/// user), channel by channel, off the circuit's thread, so a marketer sees at once which combination breaks.
/// </summary>
public sealed partial class PreviewMatrixPage : IDisposable
{
    [Inject] public required ICampaignService Campaigns { get; init; }
    [Inject] public required ISampleDataService SampleData { get; init; }
    [Inject] public required MessageRenderer Renderer { get; init; }

    [Parameter] public string CampaignId { get; set; } = "";

    private readonly CancellationTokenSource _cts = new();
    private Campaign? _campaign;
    private string? _loadedFor;
    private string? _problem;
    private IReadOnlyList<PreviewSample> _samples = [];
    private IReadOnlyList<(Channel Channel, IReadOnlyList<PreviewMatrixCell> Cells)>? _matrix;
    private PreviewMatrixCell? _selected;
    private int _channelIndex;
    private bool _usingEmptyPayload;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == CampaignId)
        {
            return;
        }
        _loadedFor = CampaignId;
        _matrix = null;
        _selected = null;
        _problem = null;
        _campaign = await Campaigns.GetAsync(CampaignId, _cts.Token);
        if (_campaign is null)
        {
            _problem = $"No campaign has the ID {CampaignId}.";
            return;
        }
        if (_campaign.Type != CampaignType.ApiTriggered)
        {
            _problem = "An API campaign has no templates in the dashboard: its content comes with each /messages/send request.";
            return;
        }
        var samples = await SampleData.ListAsync(_campaign.CampaignId, _cts.Token);
        _usingEmptyPayload = samples.Payloads.Count == 0;
        _samples = PreviewMatrix.Samples(samples);
        var campaign = _campaign;
        var combinations = _samples;
        _matrix = await Task.Run(() => campaign.Channels
            .Select(c => (c, PreviewMatrix.Render(Renderer, campaign, c, combinations, _cts.Token)))
            .ToList(), _cts.Token);
    }

    private static string Detail(PreviewMatrixCell cell) => cell.Status switch
    {
        RenderStatus.Error => new MessageDiagnostics(cell.Preview).ErrorLines().FirstOrDefault() ?? "",
        RenderStatus.Aborted => cell.Preview.Fields.FirstOrDefault(f => f.Result.Aborted)?.Result.AbortReason ?? "",
        RenderStatus.MissingVariables => string.Join(", ", cell.Preview.MissingVariables),
        _ => "",
    };

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
