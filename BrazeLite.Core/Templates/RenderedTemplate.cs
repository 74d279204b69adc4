namespace BrazeLite.Core.Templates;

/// <summary>One template rendered.</summary>
/// <param name="Output">The rendered text, as far as the render got.</param>
/// <param name="Aborted">Whether <c>abort_message</c> ended the render.</param>
/// <param name="AbortReason">Why the render was aborted.</param>
/// <param name="Errors">Parse and render errors.</param>
/// <param name="Warnings">Warnings, among them variables that resolved to nothing.</param>
/// <param name="MissingVariables">Full paths of variables that resolved to nothing, e.g. <c>api_trigger_properties.${product_nme}</c>; each also appears among <see cref="Warnings"/>.</param>
public sealed record RenderedTemplate(
    string Output,
    bool Aborted,
    string? AbortReason,
    IReadOnlyList<RenderDiagnostic> Errors,
    IReadOnlyList<RenderDiagnostic> Warnings,
    IReadOnlyList<string> MissingVariables)
{
    public static readonly RenderedTemplate Empty = new("", false, null, [], [], []);

    public RenderStatus Status =>
        Errors.Count > 0 ? RenderStatus.Error
        : Aborted ? RenderStatus.Aborted
        : MissingVariables.Count > 0 ? RenderStatus.MissingVariables
        : RenderStatus.Ok;
}
