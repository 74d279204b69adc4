using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace BrazeLite.Core.Delivery;

/// <summary>The plain-text part of an email written only in HTML, and the preheader placed in the HTML.</summary>
public static partial class HtmlText
{
    /// <summary>
    /// Readable text from HTML: scripts, styles and hidden preheaders dropped, block ends and <c>&lt;br&gt;</c> as line
    /// breaks, list items as "- ", links as "text (url)", entities decoded, runs of blank lines collapsed.
    /// </summary>
    public static string ToPlainText(string html)
    {
        var text = DroppedBlocks().Replace(html, "");
        text = Links().Replace(text, m =>
        {
            var label = Tags().Replace(m.Groups["text"].Value, "").Trim();
            var href = WebUtility.HtmlDecode(m.Groups["href"].Value);
            return label.Length == 0 || label == href ? href : $"{label} ({href})";
        });
        text = ListItems().Replace(text, "\n- ");
        text = LineBreaks().Replace(text, "\n");
        text = BlockEnds().Replace(text, "\n\n");
        text = Tags().Replace(text, "");
        text = WebUtility.HtmlDecode(text);
        var lines = text.Split('\n').Select(l => Spaces().Replace(l, " ").Trim());
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }
            if (result.Length > 0)
            {
                result.Append(blank > 0 ? "\n\n" : "\n");
            }
            result.Append(line);
            blank = 0;
        }
        return result.ToString();
    }

    /// <summary>The preheader as the first, hidden element of the body, where mail clients take their preview text from.</summary>
    public static string WithPreheader(string html, string? preheader)
    {
        if (string.IsNullOrWhiteSpace(preheader))
        {
            return html;
        }
        var hidden = $"<div style=\"display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;\" data-preheader>{WebUtility.HtmlEncode(preheader)}</div>";
        var body = BodyStart().Match(html);
        return body.Success ? html.Insert(body.Index + body.Length, hidden) : hidden + html;
    }

    [GeneratedRegex(@"<(script|style|head|title)\b[^>]*>.*?</\1\s*>|<div[^>]*data-preheader[^>]*>.*?</div>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex DroppedBlocks();

    [GeneratedRegex(@"<a\b[^>]*?href\s*=\s*[""'](?<href>[^""']*)[""'][^>]*>(?<text>.*?)</a\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Links();

    [GeneratedRegex(@"<li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItems();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"</(p|div|h[1-6]|tr|table|ul|ol|blockquote|section|article|header|footer)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnds();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t\r\f\v]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"<body\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyStart();
}
