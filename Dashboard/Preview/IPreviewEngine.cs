namespace Dashboard.Preview;

/// <summary>
/// Renders one template source against sample data for a preview: parses it (cached by source text), renders it
/// with the engine's limits and a deadline, and never throws for a bad template: faults come back as errors.
/// </summary>
public interface IPreviewEngine
{
    TemplatePreview Render(string source, PreviewData data, PreviewErrorMode mode, CancellationToken ct);

    /// <summary>The parse errors of <paramref name="source"/> (none when it parses), independent of any sample data.</summary>
    IReadOnlyList<PreviewDiagnostic> ParseErrors(string source, PreviewErrorMode mode);
}
