using System.Text;

namespace BrazeLite.Liquid.Runtime;

/// <summary>A render error at a position; <see cref="Fatal"/> ones (limits, deadline) always stop the render.</summary>
internal sealed class LiquidRenderException(string description, int line, int column, string? source, bool fatal = false)
    : Exception(description)
{
    public string Description { get; } = description;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string? Partial { get; } = source;
    public bool Fatal { get; } = fatal;

    public LiquidDiagnostic ToDiagnostic() => Diagnostics.Create("Liquid error: " + Description, Line, Column, Partial);
}

internal sealed class LiquidAbortException(string? reason) : Exception(reason ?? "aborted")
{
    public string? Reason { get; } = reason;
}

internal static class Diagnostics
{
    public static LiquidDiagnostic Create(string description, int line, int column, string? source, string? suffix = null)
    {
        var where = source is null ? $" at line {line}, column {column}" : $" at line {line}, column {column} in '{source}'";
        return new LiquidDiagnostic(description + where + suffix, line, column, source);
    }
}

internal enum Interrupt { None, Break, Continue }

/// <summary>State shared by a render and every partial it renders: limits, counters, diagnostics.</summary>
internal sealed class RenderShared
{
    public required LiquidRenderOptions Options;
    public required LiquidRenderContext Context;
    public required CancellationToken Token;
    public required CancellationToken CallerToken;
    public required DateTimeOffset Now;
    public long Steps;

    /// <summary>The <see cref="System.Diagnostics.Stopwatch"/> timestamp past which the render stops; a timer-driven token alone can fire late on a busy machine.</summary>
    public long DeadlineTimestamp = long.MaxValue;
    public long AllocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
    public readonly List<LiquidDiagnostic> Errors = [];
    public readonly List<LiquidDiagnostic> Warnings = [];
    public readonly HashSet<(int, int, string?, string)> WarningKeys = [];
    public readonly Dictionary<string, LiquidTemplate> PartialCache = new(StringComparer.Ordinal);
}

/// <summary>One rendering scope chain (a template, or an isolated <c>render</c> partial) over shared state.</summary>
internal sealed class RenderState : IFilterContext
{
    public readonly RenderShared Shared;
    public readonly List<Dictionary<string, object?>> Scopes = [];
    public readonly Dictionary<string, object?> Counters;
    public readonly IReadOnlyDictionary<string, object?> Environment;
    public readonly Dictionary<string, long> Cycles;
    public readonly Dictionary<string, long> ForOffsets;
    public readonly List<object> ForStack = [];
    public Interrupt Interrupt;
    public int Depth;
    public bool Isolated;
    public string? Source;
    public int Line = 1, Column = 1;

    public RenderState(RenderShared shared, IReadOnlyDictionary<string, object?> environment, Dictionary<string, object?>? counters = null,
        Dictionary<string, long>? cycles = null, Dictionary<string, long>? forOffsets = null)
    {
        Shared = shared;
        Environment = environment;
        Counters = counters ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        Cycles = cycles ?? new Dictionary<string, long>(StringComparer.Ordinal);
        ForOffsets = forOffsets ?? new Dictionary<string, long>(StringComparer.Ordinal);
        Scopes.Add(new Dictionary<string, object?>(StringComparer.Ordinal));
    }

    public LiquidRenderOptions Options => Shared.Options;

    public bool TryResolve(string name, out object? value)
    {
        for (var i = Scopes.Count - 1; i >= 0; i--)
            if (Scopes[i].TryGetValue(name, out value)) return true;
        if (Counters.TryGetValue(name, out value)) return true;
        return Environment.TryGetValue(name, out value);
    }

    /// <summary>Assign and capture write to the outermost scope, as Liquid does.</summary>
    public void SetGlobal(string name, object? value) => Scopes[0][name] = value;

    public void SetLocal(string name, object? value) => Scopes[^1][name] = value;

    public void Push(Dictionary<string, object?>? scope = null) => Scopes.Add(scope ?? new Dictionary<string, object?>(StringComparer.Ordinal));

    public void Pop() => Scopes.RemoveAt(Scopes.Count - 1);

    public void At(int line, int column)
    {
        Line = line;
        Column = column;
    }

    public void Step(long count = 1)
    {
        Shared.Steps += count;
        if (Shared.Steps > Shared.Options.MaxSteps)
            throw Fatal($"render step limit exceeded: more than {Shared.Options.MaxSteps:N0} steps (MaxSteps)");
        if ((Shared.Steps & 63) == 0)
        {
            if (System.Diagnostics.Stopwatch.GetTimestamp() > Shared.DeadlineTimestamp) throw DeadlineExceeded();
            CheckMemory();
        }
        if (Shared.Token.IsCancellationRequested)
        {
            if (Shared.CallerToken.IsCancellationRequested) throw new OperationCanceledException(Shared.CallerToken);
            throw DeadlineExceeded();
        }
    }

    private LiquidRenderException DeadlineExceeded() =>
        Fatal($"render deadline exceeded: the render took longer than {Shared.Options.Timeout.TotalSeconds:0.###} s (Timeout)");

    public LiquidRenderException Fatal(string description) => new(description, Line, Column, Source, fatal: true);

    public LiquidRenderException Error(string description) => new(description, Line, Column, Source);

    public void Write(StringBuilder sb, string text)
    {
        if (text.Length == 0) return;
        if ((long)sb.Length + text.Length > Shared.Options.MaxOutputLength)
            throw Fatal($"output limit exceeded: more than {Shared.Options.MaxOutputLength:N0} characters (MaxOutputLength)");
        sb.Append(text);
    }

    private void CheckMemory()
    {
        if (GC.GetAllocatedBytesForCurrentThread() - Shared.AllocatedAtStart > Shared.Options.MaxAllocatedBytes)
            throw Fatal($"memory limit exceeded: the render allocated more than {Shared.Options.MaxAllocatedBytes:N0} bytes (MaxAllocatedBytes)");
    }

    public void CheckValueSize(object? value)
    {
        CheckMemory();
        var max = Shared.Options.MaxOutputLength;
        var size = value switch
        {
            string s => s.Length,
            IList<object?> l => l.Count,
            IDictionary<string, object?> d => d.Count,
            _ => 0,
        };
        if (size > max)
            throw Fatal($"output limit exceeded: a value of more than {max:N0} characters or elements was built (MaxOutputLength)");
    }

    public void AddWarning(string description, int line, int column, string key)
    {
        if (Shared.WarningKeys.Add((line, column, Source, key)))
            Shared.Warnings.Add(Diagnostics.Create(description, line, column, Source));
    }

    // IFilterContext
    public DateTimeOffset Now => Shared.Now;

    public CancellationToken CancellationToken => Shared.Token;

    public void Warn(string message) => AddWarning(message, Line, Column, message);

    void IFilterContext.Step(long count) => Step(count);
}
