namespace BrazeLite.Core.Text;

/// <summary>Words every message shares, so "1 day" and "2 days" read the same everywhere.</summary>
public static class Words
{
    /// <summary>"1 day", "2 days"; <paramref name="plural"/> for nouns that do not just take an s.</summary>
    public static string Plural(long count, string noun, string? plural = null) =>
        count == 1 ? $"1 {noun}" : $"{count} {plural ?? noun + "s"}";

    /// <summary>"launched" as a heading says it: "Launched".</summary>
    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
