using System.Text;
using Dashboard.Campaigns;
using Dashboard.Campaigns.Editor;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Preview;

/// <summary>
/// Keeps the preview of one message current: every change to its templates or to the picked sample data asks for a
/// render about 300 ms later, which cancels the one asked before it.
/// </summary>
public partial class MessageWithPreview
{
    [Inject] private PreviewRenderer Renderer { get; set; } = null!;
    [Inject] private PreviewSessions Sessions { get; set; } = null!;

    [Parameter, EditorRequired] public required CampaignForm Form { get; set; }
    [Parameter, EditorRequired] public required int VariantIndex { get; set; }
    [Parameter, EditorRequired] public required MessageContentForm Message { get; set; }
    [Parameter, EditorRequired] public required EditorErrors Errors { get; set; }
    [Parameter] public EventCallback<string> Changed { get; set; }

    /// <summary>How long after the last change the preview renders; tests may shorten it.</summary>
    [Parameter] public TimeSpan? Delay { get; set; }

    private LivePreview _live = null!;
    private PreviewSession _session = null!;
    private MessageDiagnostics _diagnostics = MessageDiagnostics.None;
    private string? _renderedKey;

    private ChannelPreview? Shown => _live.Stale ? _live.LastGood : _live.Latest;

    protected override void OnInitialized()
    {
        _live = new LivePreview(Renderer, Delay ?? LivePreview.DefaultDelay)
        {
            Updated = () =>
            {
                _diagnostics = new MessageDiagnostics(_live.Latest);
                StateHasChanged();
                return Task.CompletedTask;
            },
        };
        _session = Sessions.For(Form);
        _session.Changed += OnSampleDataChanged;
    }

    protected override void OnParametersSet() => RequestIfChanged(firstRender: _renderedKey is null);

    private Task OnMessageChangedAsync(string path)
    {
        RequestIfChanged(firstRender: false);
        return Changed.InvokeAsync(path);
    }

    private void OnSampleDataChanged() => _ = InvokeAsync(() =>
    {
        RequestIfChanged(firstRender: false);
        StateHasChanged();
    });

    private void RequestIfChanged(bool firstRender)
    {
        var key = Key();
        if (key == _renderedKey)
        {
            return;
        }
        _renderedKey = key;
        var variant = VariantIndex < Form.Variants.Count ? Form.Variants[VariantIndex] : null;
        var data = _session.Data with { Campaign = new PreviewCampaign(Form.CampaignId, Form.Name, variant?.Name) };
        // The first render shows at once; typing waits for a pause.
        _live.Request(Message, data, firstRender ? TimeSpan.Zero : null);
    }

    private string Key()
    {
        var key = new StringBuilder();
        key.Append(_session.Revision).Append('\u0001').Append(Message.WebhookMethod).Append('\u0001').Append(Message.CardType);
        foreach (var field in MessageFields.Of(Message))
        {
            key.Append('\u0001').Append(field.Key).Append('\u0002').Append(field.Source);
        }
        return key.ToString();
    }

    public void Dispose()
    {
        _session.Changed -= OnSampleDataChanged;
        _live.Dispose();
    }
}
