namespace BrazeLite.Liquid;

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
