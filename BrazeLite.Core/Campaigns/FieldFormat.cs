namespace BrazeLite.Core.Campaigns;

/// <summary>What a message field's value must look like; <see cref="ChannelField.FormatMessage"/> says it to the marketer.</summary>
public enum FieldFormat
{
    /// <summary>Any text, usually Liquid.</summary>
    Text,

    /// <summary>A sender: <c>addr@example.com</c> or <c>Name &lt;addr@example.com&gt;</c>.</summary>
    Sender,

    /// <summary>An http(s) URL written out in full, without Liquid.</summary>
    HttpUrl,

    /// <summary>An http(s) URL whose scheme and host are written out; the rest may be Liquid.</summary>
    HttpTemplateUrl,

    /// <summary>One of <see cref="ChannelField.Choices"/>.</summary>
    Choice,
}
