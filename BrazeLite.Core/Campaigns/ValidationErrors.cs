namespace BrazeLite.Core.Campaigns;

/// <summary>Field path (as <see cref="CampaignFields"/> names it) to its messages.</summary>
public sealed class ValidationErrors : Dictionary<string, List<string>>
{
    public ValidationErrors() : base(StringComparer.Ordinal)
    {
    }

    public void Add(string field, string message)
    {
        if (!TryGetValue(field, out var list))
        {
            this[field] = list = [];
        }
        list.Add(message);
    }

    /// <summary>Adds every message of <paramref name="other"/>.</summary>
    public void AddAll(ValidationErrors other)
    {
        foreach (var (field, messages) in other)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }
    }

    /// <summary>The field's messages in one sentence, or null.</summary>
    public string? For(string field) => TryGetValue(field, out var list) ? string.Join(" ", list) : null;

    /// <summary>The shape HTTP validation problems take.</summary>
    public IReadOnlyDictionary<string, string[]> ToProblemErrors() => this.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
