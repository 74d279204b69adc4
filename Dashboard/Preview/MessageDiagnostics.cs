namespace Dashboard.Preview;

/// <summary>
/// The newest render of a message, handed down to its template fields so each can mark its own errors and
/// warnings at their lines.
/// </summary>
public sealed record MessageDiagnostics(ChannelPreview? Preview)
{
    public static readonly MessageDiagnostics None = new((ChannelPreview?)null);

    public IReadOnlyList<PreviewDiagnostic> ErrorsFor(string? field) =>
        field is not null && Preview?[field] is { } f ? f.Result.Errors : [];

    public IReadOnlyList<PreviewDiagnostic> WarningsFor(string? field) =>
        field is not null && Preview?[field] is { } f ? f.Result.Warnings : [];

    /// <summary>"Subject: unknown filter `upcas` at line 1, column 12", one per error of every field.</summary>
    public IReadOnlyList<string> ErrorLines() => Preview is null
        ? []
        : Preview.Fields.SelectMany(f => f.Result.Errors.Select(e => Describe(f.Label, e))).ToList();

    public static string Describe(string label, PreviewDiagnostic diagnostic) =>
        $"{label}: {At(diagnostic)}";

    /// <summary>The message with its position, unless the message already names it.</summary>
    public static string At(PreviewDiagnostic diagnostic) =>
        diagnostic.Message.Contains($"line {diagnostic.Line}", StringComparison.Ordinal)
            ? diagnostic.Message
            : $"{diagnostic.Message.TrimEnd('.')} at line {diagnostic.Line}, column {diagnostic.Column}";
}

/// <summary>Whether template fields use the code editor (in the browser) or a plain text area.</summary>
public sealed class TemplateEditorOptions
{
    public bool UseCodeEditor { get; init; } = true;
}

/// <summary>The marketer's choice of plain text areas over the code editor, kept for the rest of the visit.</summary>
public sealed class TemplateEditorMode
{
    public bool PlainText { get; private set; }

    public event Action? Changed;

    public void Set(bool plainText)
    {
        if (PlainText != plainText)
        {
            PlainText = plainText;
            Changed?.Invoke();
        }
    }
}
