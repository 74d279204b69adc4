namespace BrazeLite.Liquid;

/// <summary>Thrown by a filter for a Liquid error (e.g. "divided by 0"); the renderer adds the position.</summary>
/// <param name="message">The error as the dashboard shows it.</param>
/// <param name="rubyMessage">Ruby Liquid's own words for it, written inline in a render with inline errors, when they
/// differ from <paramref name="message"/> (Ruby's argument-count error does not name the filter).</param>
public sealed class LiquidFilterException(string message, string? rubyMessage = null) : Exception(message)
{
    /// <summary>Ruby Liquid's text for the error.</summary>
    public string RubyMessage { get; } = rubyMessage ?? message;
}
