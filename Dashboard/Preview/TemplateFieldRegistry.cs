namespace Dashboard.Preview;

/// <summary>
/// The template fields of one message that show a code editor, by preview field key, so a picker outside them can
/// insert at the marketer's cursor (cascaded by the message; each field registers itself while it shows).
/// </summary>
public sealed class TemplateFieldRegistry
{
    private readonly Dictionary<string, TemplateField> _fields = new(StringComparer.Ordinal);

    internal void Add(string key, TemplateField field) => _fields[key] = field;

    internal void Remove(string key, TemplateField field)
    {
        if (_fields.TryGetValue(key, out var registered) && ReferenceEquals(registered, field))
        {
            _fields.Remove(key);
        }
    }

    /// <summary>Inserts at the cursor of the field's code editor; false when it shows none (then the caller appends).</summary>
    public async Task<bool> InsertAtCursorAsync(string key, string text) =>
        _fields.TryGetValue(key, out var field) && await field.InsertAtCursorAsync(text);
}
