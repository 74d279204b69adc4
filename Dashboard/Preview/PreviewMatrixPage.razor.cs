using Dashboard.Campaigns;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Preview;

/// <summary>
/// Renders every variant of a saved API-triggered campaign against every saved sample (each payload with each sample
/// user), channel by channel, off the circuit's thread, so a marketer sees at once which combination breaks.
/// </summary>
public partial class PreviewMatrixPage
{
    [Inject] private ICampaignService Campaigns { get; set; } = null!;
    [Inject] private ISampleDataService SampleData { get; set; } = null!;
    [Inject] private PreviewRenderer Renderer { get; set; } = null!;

    [Parameter] public string CampaignId { get; set; } = "";

    private readonly CancellationTokenSource _cts = new();
    private CampaignForm? _form;
    private string? _problem;
    private IReadOnlyList<PreviewSample> _samples = [];
    private IReadOnlyList<(Channel Channel, IReadOnlyList<PreviewMatrixCell> Cells)>? _matrix;
    private PreviewMatrixCell? _selected;
    private int _channelIndex;
    private bool _usingEmptyPayload;

    protected override async Task OnParametersSetAsync()
    {
        _matrix = null;
        _selected = null;
        _problem = null;
        _form = await Campaigns.GetFormAsync(CampaignId, _cts.Token);
        if (_form is null)
        {
            _problem = $"No campaign has the ID {CampaignId}.";
            return;
        }
        if (_form.Type != CampaignType.ApiTriggered)
        {
            _problem = "An API campaign has no templates in the dashboard: its content comes with each /messages/send request.";
            return;
        }
        var samples = await SampleData.ListAsync(_form.CampaignId!, _cts.Token);
        _usingEmptyPayload = samples.Payloads.Count == 0;
        _samples = Combine(samples);
        var form = _form;
        var combinations = _samples;
        _matrix = await Task.Run(() => form.Channels
            .Select(c => (c.Channel, Renderer.RenderMatrix(form, c.Channel, combinations, PreviewErrorMode.Strict, _cts.Token)))
            .ToList(), _cts.Token);
    }

    /// <summary>Each payload with each user ("Mug order · Ana"); just the payloads when there are no users.</summary>
    internal static IReadOnlyList<PreviewSample> Combine(CampaignSamples samples)
    {
        var payloads = samples.Payloads.Count > 0
            ? samples.Payloads.Select(p => (p.Name, Hash: p.Parse().Hash)).ToList()
            : [("Empty payload", new Dictionary<string, object?>(StringComparer.Ordinal))];
        // Every cell uses the first saved connected_content responses, so rows differ only by payload and user.
        var responses = samples.ConnectedContent.Count > 0 ? ConnectedContentResponses.Read(samples.ConnectedContent[0].Json, out _) : null;
        if (samples.Users.Count == 0)
        {
            return payloads.Select(p => new PreviewSample(p.Name, new PreviewData(p.Hash) { ConnectedContent = responses })).ToList();
        }
        return payloads
            .SelectMany(p => samples.Users.Select(u =>
                new PreviewSample($"{p.Name} · {u.Name}", new PreviewData(p.Hash, u.ToUserHash()) { ConnectedContent = responses })))
            .ToList();
    }

    private static string Detail(PreviewMatrixCell cell) => cell.Status switch
    {
        PreviewStatus.Error => new MessageDiagnostics(cell.Preview).ErrorLines().FirstOrDefault() ?? "",
        PreviewStatus.Aborted => cell.Preview.Fields.FirstOrDefault(f => f.Result.Aborted)?.Result.AbortReason ?? "",
        PreviewStatus.MissingVariables => string.Join(", ", cell.Preview.MissingVariables),
        _ => "",
    };

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
