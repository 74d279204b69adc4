namespace Dashboard.Preview;

/// <summary>
/// The newest render of a message, handed down to its template fields so each can mark its own errors and
/// warnings at their lines.
/// </summary>
public sealed record MessageDiagnostics(RenderedMessage? Preview)
{
    public static readonly MessageDiagnostics None = new((RenderedMessage?)null);

    public IReadOnlyList<RenderDiagnostic> ErrorsFor(string? field) =>
        field is not null && Preview?[field] is { } f ? f.Result.Errors : [];

    public IReadOnlyList<RenderDiagnostic> WarningsFor(string? field) =>
        field is not null && Preview?[field] is { } f ? f.Result.Warnings : [];

    /// <summary>"Subject: unknown filter `upcas` at line 1, column 12", one per error of every field.</summary>
    public IReadOnlyList<string> ErrorLines() => Preview is null
        ? []
        : Preview.Fields.SelectMany(f => f.Result.Errors.Select(e => Describe(f.Label, e))).ToList();

    public static string Describe(string label, RenderDiagnostic diagnostic) => $"{label}: {diagnostic.WithPosition()}";
}
