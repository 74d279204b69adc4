namespace BrazeLite.Liquid;

/// <summary>Thrown by a filter for a Liquid error (e.g. "divided by 0"); the renderer adds the position.</summary>
public sealed class LiquidFilterException(string message) : Exception(message);
