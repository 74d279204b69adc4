using System.Text;
using BrazeLite.Core.Text;

namespace BrazeLite.Core.Messaging;

public enum SmsEncoding
{
    Gsm7,
    Ucs2,
}

/// <summary>
/// How a rendered SMS body travels: its encoding, how many segments it takes, and which characters force UCS-2.
/// </summary>
/// <param name="Encoding">GSM-7 when every character is in the GSM 03.38 basic or extension table, else UCS-2.</param>
/// <param name="Segments">Segments the carrier bills; 0 for an empty message.</param>
/// <param name="CharacterCount">Characters as a reader counts them (Unicode scalar values).</param>
/// <param name="EncodedLength">Length counted against the segment limits: septets for GSM-7 (extension characters count twice), UTF-16 code units for UCS-2.</param>
/// <param name="PerSegmentLimit">Units that fit in one segment at this message's length (160/153 or 70/67).</param>
/// <param name="RemainingInLastSegment">Units still free in the last segment before another one is needed.</param>
/// <param name="Ucs2Characters">The characters outside GSM-7, distinct, in order of first appearance.</param>
public sealed record SmsSegments(
    SmsEncoding Encoding,
    int Segments,
    int CharacterCount,
    int EncodedLength,
    int PerSegmentLimit,
    int RemainingInLastSegment,
    IReadOnlyList<string> Ucs2Characters)
{
    public const int Gsm7SingleLimit = 160;
    public const int Gsm7ConcatenatedLimit = 153;
    public const int Ucs2SingleLimit = 70;
    public const int Ucs2ConcatenatedLimit = 67;

    // GSM 03.38 basic character set (the escape code 0x1B is not a character a message can contain).
    private const string BasicSet =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    // The extension table: each takes an escape septet plus its own. Form feed is in the table too.
    private const string ExtensionSet = "^{}\\[~]|€\f";

    private static readonly HashSet<char> Basic = [.. BasicSet];
    private static readonly HashSet<char> Extension = [.. ExtensionSet];

    /// <summary>Whether <paramref name="c"/> is in the GSM 03.38 basic set.</summary>
    public static bool IsGsmBasic(char c) => Basic.Contains(c);

    /// <summary>Whether <paramref name="c"/> is a GSM 03.38 extension character (counts as two septets).</summary>
    public static bool IsGsmExtension(char c) => Extension.Contains(c);

    /// <summary>
    /// Measures <paramref name="text"/>. Segments are packed the way handsets split a long message:
    /// an extension character's two septets, or a surrogate pair's two code units, never straddle two segments,
    /// so a message near a boundary can need one segment more than plain division suggests.
    /// </summary>
    public static SmsSegments Calculate(string? text)
    {
        text ??= "";
        var ucs2Characters = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var characterCount = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            characterCount++;
            if (rune.IsBmp && (IsGsmBasic((char)rune.Value) || IsGsmExtension((char)rune.Value)))
            {
                continue;
            }
            var s = rune.ToString();
            if (seen.Add(s))
            {
                ucs2Characters.Add(s);
            }
        }

        var encoding = ucs2Characters.Count == 0 ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2;
        var widths = (encoding == SmsEncoding.Gsm7 ? Gsm7Widths(text) : Utf16Widths(text)).ToList();
        var encodedLength = widths.Sum();
        var (single, concatenated) = encoding == SmsEncoding.Gsm7
            ? (Gsm7SingleLimit, Gsm7ConcatenatedLimit)
            : (Ucs2SingleLimit, Ucs2ConcatenatedLimit);

        if (encodedLength == 0)
        {
            return new SmsSegments(encoding, 0, 0, 0, single, single, ucs2Characters);
        }
        if (encodedLength <= single)
        {
            return new SmsSegments(encoding, 1, characterCount, encodedLength, single, single - encodedLength, ucs2Characters);
        }

        var segments = 1;
        var used = 0;
        foreach (var width in widths)
        {
            if (used + width > concatenated)
            {
                segments++;
                used = 0;
            }
            used += width;
        }
        return new SmsSegments(encoding, segments, characterCount, encodedLength, concatenated, concatenated - used, ucs2Characters);
    }

    private static IEnumerable<int> Gsm7Widths(string text)
    {
        foreach (var c in text)
        {
            yield return IsGsmExtension(c) ? 2 : 1;
        }
    }

    private static IEnumerable<int> Utf16Widths(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            yield return rune.Utf16SequenceLength;
        }
    }

    /// <summary>A one-line summary for the preview: "2 segments · GSM-7 · 170 characters".</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        builder.Append(Words.Plural(Segments, "segment"));
        builder.Append(" · ").Append(Encoding == SmsEncoding.Gsm7 ? "GSM-7" : "UCS-2");
        builder.Append(" · ").Append(Words.Plural(CharacterCount, "character"));
        return builder.ToString();
    }
}
