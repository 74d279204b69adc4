using System.Text;

namespace BrazeLite.Liquid.Runtime;

/// <summary>State shared by a render and every partial it renders: limits, counters, diagnostics.</summary>
internal sealed class RenderShared
{
    public required LiquidRenderOptions Options;
    public required LiquidRenderContext Context;
    public required CancellationToken Token;
    public required CancellationToken CallerToken;
    public required DateTimeOffset Now;
    public long Steps;

    /// <summary>Tests only: the asynchronous path takes every node's RenderAsync, to prove it renders what Render does.</summary>
    public bool EveryNodeAsync;

    /// <summary>The <see cref="System.Diagnostics.Stopwatch"/> timestamp past which the render stops; a timer-driven token alone can fire late on a busy machine.</summary>
    public long DeadlineTimestamp = long.MaxValue;
    public long AllocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
    public readonly List<LiquidDiagnostic> Errors = [];
    public readonly List<LiquidDiagnostic> Warnings = [];
    public readonly HashSet<(int, int, string?, string)> WarningKeys = [];
    public readonly Dictionary<string, LiquidTemplate> PartialCache = new(StringComparer.Ordinal);

    /// <summary>What the last <c>ifchanged</c> wrote (Ruby keeps it in the render's registers, shared with partials).</summary>
    public string? LastIfChanged;
}
