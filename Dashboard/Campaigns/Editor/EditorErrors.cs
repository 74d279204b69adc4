namespace Dashboard.Campaigns.Editor;

/// <summary>
/// The messages the editor shows next to fields: the validator's (recomputed on every change), the service's
/// (from the last refused save, dropped as the marketer edits those fields) and the name check's.
/// A field's message shows once the marketer has edited it, left its step, or tried to save, so a fresh form
/// does not open covered in red.
/// </summary>
public sealed class EditorErrors
{
    private ValidationErrors _launchRules = new();
    private ValidationErrors _draftRules = new();
    private ValidationErrors _server = new();
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly HashSet<EditorStep> _revealedSteps = [];
    private bool _revealAll;

    /// <summary>"Another campaign is called …", from the service's name check; null when the name is free.</summary>
    public string? NameTaken { get; set; }

    /// <summary>
    /// Fields show every problem a launch would meet; <see cref="Blocking"/> tells which of them stop a save at a level
    /// (a draft may be unfinished, never wrong).
    /// </summary>
    public void Revalidate(CampaignForm form)
    {
        _launchRules = CampaignRules.Validate(form, ValidationLevel.Launch);
        _draftRules = CampaignRules.Validate(form, ValidationLevel.Draft);
    }

    /// <summary>The problems that stop a save at this level, with the name check's answer.</summary>
    public IReadOnlyList<(string Field, string Message)> Blocking(ValidationLevel level)
    {
        if (level == ValidationLevel.Launch)
        {
            return All.Where(p => _launchRules.ContainsKey(p.Field) || (p.Field == CampaignFields.Name && NameTaken is not null)).ToList();
        }
        return All.Where(p => _draftRules.ContainsKey(p.Field) || (p.Field == CampaignFields.Name && NameTaken is not null)).ToList();
    }

    /// <summary>Marks a field (or a whole item, e.g. <c>ConversionEvents[1]</c>) as edited and drops the service's stale messages for it.</summary>
    public void Touch(string path)
    {
        _touched.Add(path);
        foreach (var key in _server.Keys.Where(k => Covers(path, k)).ToList())
        {
            _server.Remove(key);
        }
        if (path == CampaignFields.Name)
        {
            NameTaken = null;
        }
    }

    public void RevealStep(EditorStep step) => _revealedSteps.Add(step);

    public void RevealAll() => _revealAll = true;

    public void SetServer(ValidationErrors? errors)
    {
        _server = errors ?? new ValidationErrors();
        if (_server.For(CampaignFields.Name) is { } nameMessage && _launchRules.For(CampaignFields.Name) is null)
        {
            NameTaken = nameMessage;
            _server.Remove(CampaignFields.Name);
        }
        _revealAll = true;
    }

    /// <summary>The message to show next to a field, or null.</summary>
    public string? For(string path) => IsRevealed(path) ? Message(path) : null;

    public bool Has(string path) => For(path) is not null;

    /// <summary>Whether any shown message belongs to the step (its label turns red).</summary>
    public bool StepHasErrors(EditorStep step) => All.Any(p => EditorSteps.StepOf(p.Field) == step && IsRevealed(p.Field));

    /// <summary>Every problem, shown or not, in step order: the review step lists them all.</summary>
    public IReadOnlyList<(string Field, string Message)> All =>
        Fields()
            .Select(f => (Field: f, Message: Message(f)!))
            .Where(p => p.Message is not null)
            .OrderBy(p => EditorSteps.StepOf(p.Field))
            .ToList();

    public bool Any => All.Count > 0;

    private IEnumerable<string> Fields()
    {
        var fields = _launchRules.Keys.Concat(_server.Keys);
        if (NameTaken is not null)
        {
            fields = fields.Append(CampaignFields.Name);
        }
        return fields.Distinct(StringComparer.Ordinal);
    }

    private string? Message(string path)
    {
        var parts = new List<string>();
        if (_launchRules.TryGetValue(path, out var client))
        {
            parts.AddRange(client);
        }
        if (_server.TryGetValue(path, out var server))
        {
            parts.AddRange(server.Where(m => !parts.Contains(m)));
        }
        if (path == CampaignFields.Name && NameTaken is not null && parts.Count == 0)
        {
            parts.Add(NameTaken);
        }
        return parts.Count == 0 ? null : string.Join(" ", parts);
    }

    private bool IsRevealed(string path) =>
        _revealAll || _revealedSteps.Contains(EditorSteps.StepOf(path)) || _touched.Any(t => Covers(t, path))
        || _server.ContainsKey(path) || (path == CampaignFields.Name && NameTaken is not null);

    private static bool Covers(string touched, string path) =>
        path == touched
        || (path.StartsWith(touched, StringComparison.Ordinal) && path.Length > touched.Length && path[touched.Length] is '.' or '[');
}
