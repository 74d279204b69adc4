using System.Text;
using BrazeLite.Liquid.Braze;
using Dashboard.Preview;
using Microsoft.AspNetCore.Components;

namespace Dashboard.Campaigns.Editor;

/// <summary>
/// Keeps the preview of one message current: every change to its templates or to the picked sample data asks for a
/// render about 300 ms later, which cancels the one asked before it.
/// </summary>
public sealed partial class MessageWithPreview : IDisposable
{
    [Inject] public required MessageRenderer Renderer { get; init; }
    [Inject] public required PreviewSessions Sessions { get; init; }
    [Inject] public required TimeProvider Time { get; init; }

    [Parameter, EditorRequired] public required CampaignForm Form { get; set; }
    [Parameter, EditorRequired] public required int VariantIndex { get; set; }
    [Parameter, EditorRequired] public required MessageContentForm Message { get; set; }
    [Parameter, EditorRequired] public required EditorErrors Errors { get; set; }
    [Parameter] public EventCallback<string> Changed { get; set; }

    private LivePreview _live = null!;
    private PreviewSession _session = null!;
    private MessageDiagnostics _diagnostics = MessageDiagnostics.None;
    private string? _renderedKey;

    private RenderedMessage? Shown => _live.Stale ? _live.LastGood : _live.Latest;

    protected override void OnInitialized()
    {
        _live = new LivePreview(Renderer, Time)
        {
            Updated = () => InvokeAsync(() =>
            {
                _diagnostics = new MessageDiagnostics(_live.Latest);
                StateHasChanged();
            }),
        };
        _session = Sessions.For(Form);
        _session.Changed += OnSampleDataChanged;
    }

    protected override void OnParametersSet() => RequestIfChanged(firstRender: _renderedKey is null);

    // A message keeps its channel, so its template fields are listed once (not at every render of the picker).
    private IReadOnlyList<ChannelField>? _templateFields;

    private IReadOnlyList<ChannelField> TemplateFields =>
        _templateFields ??= ChannelFields.InDashboard(Message.Channel).Where(f => f.IsTemplate && f.Choices.Count == 0).ToList();

    private readonly TemplateFieldRegistry _fields = new();

    // At the cursor of the field's code editor; at the end of the text in the simple editor.
    private async Task InsertAsync((string FieldKey, string Liquid) insert)
    {
        if (await _fields.InsertAtCursorAsync(insert.FieldKey, insert.Liquid))
        {
            return;
        }
        var field = TemplateFields.First(f => f.Key == insert.FieldKey);
        Message[field] = (Message[field] ?? "") + insert.Liquid;
        await OnMessageChangedAsync(CampaignFields.Message(VariantIndex, Message.Channel, field.Key));
    }

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
        var message = CampaignForms.ToMessage(Message);
        var key = Key(message);
        if (key == _renderedKey)
        {
            return;
        }
        _renderedKey = key;
        var variant = VariantIndex < Form.Variants.Count ? Form.Variants[VariantIndex] : null;
        var data = _session.Data with { Campaign = new BrazeCampaign(Form.CampaignId, Form.Name, variant?.Name) };
        // The first render shows at once; typing waits for a pause.
        _live.Request(message, data, firstRender ? TimeSpan.Zero : null);
    }

    private string Key(ChannelMessage message)
    {
        var key = new StringBuilder();
        key.Append(_session.Revision);
        foreach (var (field, value) in message.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            key.Append('\u0001').Append(field).Append('\u0002').Append(value);
        }
        foreach (var template in message.Templates())
        {
            key.Append('\u0001').Append(template.Field.Key).Append('\u0002').Append(template.Source);
        }
        return key.ToString();
    }

    public void Dispose()
    {
        _session.Changed -= OnSampleDataChanged;
        _live.Dispose();
    }
}
