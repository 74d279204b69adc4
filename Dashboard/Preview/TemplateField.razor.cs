using BlazorMonaco.Editor;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Dashboard.Preview;

public partial class TemplateField
{
    [Inject] public required IJSRuntime Js { get; init; }
    [Inject] public required TemplateEditorOptions EditorOptions { get; init; }
    [Inject] public required TemplateEditorMode Mode { get; init; }

    [Parameter, EditorRequired] public required string Label { get; set; }
    [Parameter] public string? Value { get; set; }
    [Parameter] public EventCallback<string?> ValueChanged { get; set; }

    /// <summary>The validator's message for the field; null when the field is fine.</summary>
    [Parameter] public string? Error { get; set; }

    [Parameter] public string? HelperText { get; set; }
    [Parameter] public string? Placeholder { get; set; }
    [Parameter] public int Lines { get; set; } = 4;

    /// <summary>The field's key in a <see cref="RenderedMessage"/> (<c>sms_body</c>, <c>html_body</c>, ...).</summary>
    [Parameter] public string? PreviewField { get; set; }

    [CascadingParameter] public MessageDiagnostics? Diagnostics { get; set; }

    /// <summary>Where a picker finds this field to insert at its cursor.</summary>
    [CascadingParameter] public TemplateFieldRegistry? Registry { get; set; }

    private readonly string _id = "template-" + Guid.NewGuid().ToString("N");
    private StandaloneCodeEditor? _editor;
    private bool _editorReady;
    private bool _creatingCounted; // this field's editor is counted in Mode as being created
    private bool _offerCodeEditor;
    private string? _editorText;
    private string? _lastParameter;
    private readonly Queue<string> _sent = new();
    private IReadOnlyList<RenderDiagnostic> _errors = [];
    private IReadOnlyList<RenderDiagnostic> _warnings = [];
    private string _markedKey = "";
    private string[] _decorations = [];

    private bool CodeEditor => _offerCodeEditor && !Mode.PlainText;

    protected override void OnInitialized()
    {
        _offerCodeEditor = EditorOptions.UseCodeEditor;
        Mode.Changed += OnModeChanged;
        _editorText = Value;
        _lastParameter = Value;
        CountCreating();
        if (PreviewField is not null)
        {
            Registry?.Add(PreviewField, this);
        }
    }

    /// <summary>Inserts the text where the code editor's cursor is (replacing a selection); false without a code editor.</summary>
    internal async Task<bool> InsertAtCursorAsync(string text)
    {
        if (!CodeEditor || !_editorReady)
        {
            return false;
        }
        try
        {
            // The edit comes back through the editor's change event, as typing does.
            return await Js.InvokeAsync<bool>("brazeLiteTemplateEditor.insertAtCursor", _id, text);
        }
        catch (JSException)
        {
            return false;
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _errors = Diagnostics?.ErrorsFor(PreviewField) ?? [];
        _warnings = Diagnostics?.WarningsFor(PreviewField) ?? [];
        // Only a change made elsewhere goes into the code editor: echoes of what it sent (possibly older than its
        // current text while the marketer types on) must not overwrite what is being typed.
        var changed = !string.Equals(Value ?? "", _lastParameter ?? "", StringComparison.Ordinal);
        _lastParameter = Value;
        if (changed && _editorReady && _editor is not null && !CodeEditorShows(Value) && !_sent.Contains(Value ?? ""))
        {
            _editorText = Value;
            await _editor.SetValue(Value ?? "");
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_editorReady || _editor is null || !CodeEditor)
        {
            return;
        }
        var key = string.Join("|", _errors.Concat(_warnings).Select(d => $"{d.Line}:{d.Column}:{d.Message}"));
        if (key == _markedKey)
        {
            return;
        }
        _markedKey = key;
        await MarkAsync();
    }

    private bool CodeEditorShows(string? value) => string.Equals(_editorText ?? "", value ?? "", StringComparison.Ordinal);

    private StandaloneEditorConstructionOptions Options(StandaloneCodeEditor editor) => new()
    {
        Value = Value ?? "",
        // Monaco's Liquid mode also highlights the HTML around the tags.
        Language = "liquid",
        LineNumbers = "on",
        AutomaticLayout = true,
        GlyphMargin = true,
        WordWrap = "on",
        // Liquid's {{ }} and {% %} are typed in pairs already; auto-closing would double them.
        AutoClosingBrackets = "never",
        AutoClosingQuotes = "never",
        ScrollBeyondLastLine = false,
        Minimap = new EditorMinimapOptions { Enabled = false },
        AriaLabel = Label,
    };

    // Tells Mode a code editor of this field is on its way, so a switch to plain text waits for it.
    private void CountCreating()
    {
        if (CodeEditor && !_creatingCounted)
        {
            _creatingCounted = true;
            Mode.EditorCreating();
        }
    }

    private void CountSettled()
    {
        if (_creatingCounted)
        {
            _creatingCounted = false;
            Mode.EditorSettled();
        }
    }

    private async Task OnEditorReadyAsync()
    {
        _editorReady = true;
        CountSettled();
        _markedKey = "";
        // Keys pressed between the editor's creation and its change listener would otherwise be lost.
        await OnEditorChangedAsync(new ModelContentChangedEvent());
        await MarkAsync();
    }

    private async Task OnEditorChangedAsync(ModelContentChangedEvent _)
    {
        if (_editor is null)
        {
            return;
        }
        var text = await _editor.GetValue(null, null);
        if (CodeEditorShows(text))
        {
            return;
        }
        _editorText = text;
        _sent.Enqueue(text);
        while (_sent.Count > 50)
        {
            _sent.Dequeue();
        }
        await ValueChanged.InvokeAsync(text);
    }

    private async Task MarkAsync()
    {
        if (_editor is null)
        {
            return;
        }
        try
        {
            var markers = _errors.Select(e => new { line = e.Line, column = e.Column, message = e.Message, isError = true })
                .Concat(_warnings.Select(w => new { line = w.Line, column = w.Column, message = w.Message, isError = false }))
                .ToArray();
            await Js.InvokeVoidAsync("brazeLiteTemplateEditor.setMarkers", _id, markers);
            var lines = _errors.Select(e => new ModelDeltaDecoration
            {
                Range = new BlazorMonaco.Range(e.Line, 1, e.Line, 1),
                Options = new ModelDecorationOptions
                {
                    IsWholeLine = true,
                    ClassName = "template-error-line",
                    GlyphMarginClassName = "template-error-glyph",
                    HoverMessage = [new BlazorMonaco.MarkdownString { Value = e.WithPosition() }],
                },
            }).ToArray();
            _decorations = await _editor.DeltaDecorations(_decorations, lines);
        }
        catch (JSException)
        {
            // The editor's scripts are not there (or the editor went away): the error list under the field still shows.
        }
        catch (JSDisconnectedException)
        {
        }
    }

    private void OnModeChanged()
    {
        // The code editor is created anew when shown again.
        _editorReady = false;
        _editor = null;
        _markedKey = "";
        _decorations = [];
        _editorText = Value;
        CountSettled();
        CountCreating();
        _ = InvokeAsync(StateHasChanged);
    }

    public async ValueTask DisposeAsync()
    {
        Mode.Changed -= OnModeChanged;
        CountSettled();
        if (PreviewField is not null)
        {
            Registry?.Remove(PreviewField, this);
        }
        if (_editor is not null && _editorReady)
        {
            try
            {
                await _editor.DisposeEditor();
            }
            catch (JSDisconnectedException)
            {
            }
            catch (JSException)
            {
            }
        }
    }
}
