namespace BrazeLite.Liquid;

// The value model every part of the engine shares. Liquid values are plain .NET objects:
//   nil            -> null
//   true/false     -> bool
//   integer        -> long  (int values from callers are normalised to long by LiquidValues.FromClr)
//   float          -> double
//   string         -> string
//   array          -> IList<object?>
//   hash           -> IDictionary<string, object?> (insertion-ordered; see LiquidValues.FromClr)
//   range (a..b)   -> LiquidRange (never materialised by the engine)
//   date/time      -> DateTimeOffset
// plus the EmptyValue and BlankValue singletons for `empty` and `blank` literals.

/// <summary>An inclusive integer range such as <c>(1..5)</c>; enumerating it allocates nothing per element beyond the boxed number.</summary>
public readonly record struct LiquidRange(long Start, long End)
{
    /// <summary>Number of elements (0 when <see cref="End"/> is below <see cref="Start"/>).</summary>
    public long Count => End < Start ? 0 : End - Start + 1;

    /// <summary>Ruby's <c>Range#to_s</c>: <c>1..5</c>.</summary>
    public override string ToString() => $"{Start}..{End}";
}

/// <summary>The <c>empty</c> literal: equal to empty strings, arrays and hashes.</summary>
public sealed class EmptyValue
{
    /// <summary>The one instance.</summary>
    public static readonly EmptyValue Instance = new();
    private EmptyValue() { }

    /// <summary>Prints as nothing.</summary>
    public override string ToString() => "";
}

/// <summary>The <c>blank</c> literal: equal to nil, false, empty or whitespace-only strings and empty collections.</summary>
public sealed class BlankValue
{
    /// <summary>The one instance.</summary>
    public static readonly BlankValue Instance = new();
    private BlankValue() { }

    /// <summary>Prints as nothing.</summary>
    public override string ToString() => "";
}

/// <summary>Thrown by a filter for a Liquid error (e.g. "divided by 0"); the renderer adds the position.</summary>
public sealed class LiquidFilterException(string message) : Exception(message);

/// <summary>Positional and keyword arguments given to a filter: <c>{{ x | f: 1, 2, key: 3 }}</c>.</summary>
public sealed record FilterArguments(IReadOnlyList<object?> Positional, IReadOnlyDictionary<string, object?> Named)
{
    /// <summary>No arguments.</summary>
    public static readonly FilterArguments None = new([], new Dictionary<string, object?>());

    /// <summary>The number of positional arguments.</summary>
    public int Count => Positional.Count;

    /// <summary>The positional argument at <paramref name="index"/>, or nil when there is none.</summary>
    public object? this[int index] => index < Positional.Count ? Positional[index] : null;
}

/// <summary>What a filter may use from the render: the clock, and a place to report warnings.</summary>
public interface IFilterContext
{
    /// <summary>"now" for date filters.</summary>
    DateTimeOffset Now { get; }

    /// <summary>Adds a warning at the filter's position (e.g. an unsupported Braze filter).</summary>
    void Warn(string message);

    /// <summary>The render's cancellation token; long loops inside filters check it.</summary>
    CancellationToken CancellationToken { get; }

    /// <summary>Charges work against the render's step limit (e.g. one per element a filter visits).</summary>
    void Step(long count = 1);
}

/// <summary>A filter: input, arguments, context; returns the new value or throws <see cref="LiquidFilterException"/>.</summary>
public delegate object? FilterFunction(object? input, FilterArguments args, IFilterContext context);
