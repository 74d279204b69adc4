using BrazeLite.Liquid;

namespace BrazeLite.Core.Templates;

/// <summary>
/// Renders one template source: parses it (cached by source text), renders it with the engine's limits and a deadline,
/// and never throws for a bad template: faults come back as errors.
/// </summary>
public interface ITemplateRenderer
{
    RenderedTemplate Render(string source, RenderData data, LiquidErrorMode mode, CancellationToken ct);

    /// <summary>
    /// As <see cref="Render"/>, awaiting what the template waits for (a send's <c>connected_content</c> calls); a template
    /// that waits for nothing renders on the synchronous path.
    /// </summary>
    ValueTask<RenderedTemplate> RenderAsync(string source, RenderData data, LiquidErrorMode mode, CancellationToken ct);

    /// <summary>The parse errors of <paramref name="source"/> (none when it parses), whatever the data.</summary>
    IReadOnlyList<RenderDiagnostic> ParseErrors(string source, LiquidErrorMode mode);

    /// <summary>The parsed template, or null when it does not parse; cached like a render's.</summary>
    LiquidTemplate? Parse(string source, LiquidErrorMode mode);
}
