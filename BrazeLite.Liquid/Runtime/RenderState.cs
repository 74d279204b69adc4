using System.Text;

namespace BrazeLite.Liquid.Runtime;

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

    private SelfDrop? _self;

    /// <summary><c>self</c>: this scope chain as a drop (one per chain, so two reads of it are the same value).</summary>
    public SelfDrop Self => _self ??= new SelfDrop(this);

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

    public LiquidRenderException Error(string description, string? rubyDescription = null) => new(description, Line, Column, Source, rubyDescription: rubyDescription);

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
