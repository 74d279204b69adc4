using System.Runtime.CompilerServices;
using BrazeLite.Liquid.Braze;

namespace Dashboard.Preview;

/// <summary>
/// The sample data an open campaign editor previews with: the campaign's saved samples, which payload and user are
/// picked, and the working copies the marketer is editing. Text that does not parse is kept as typed; renders keep
/// using the last payload that parsed until it is fixed.
/// </summary>
public sealed class PreviewSession
{
    private IDictionary<string, object?> _payloadHash = new Dictionary<string, object?>(StringComparer.Ordinal);
    private IDictionary<string, object?> _userHash = new Dictionary<string, object?>(StringComparer.Ordinal);
    private IReadOnlyDictionary<string, string> _responses = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Raised on every change of the picked or edited sample data.</summary>
    public event Action? Changed;

    public CampaignSamples Samples { get; private set; } = CampaignSamples.None;

    /// <summary>Whether the saved samples were read (a campaign not saved yet has none to read).</summary>
    public bool Loaded { get; private set; }

    /// <summary>The payload being edited: a saved one (with its ID) or a new one.</summary>
    public SamplePayloadForm Payload { get; private set; } = NewPayload();

    /// <summary>The sample user being edited: a saved one or a new one.</summary>
    public SampleUserForm User { get; private set; } = new();

    /// <summary>The sample <c>connected_content</c> responses being edited: a saved set or a new one.</summary>
    public SamplePayloadForm ConnectedContent { get; private set; } = NewPayload();

    /// <summary>Why the connected_content responses text is not an object of URL to response; null when it is.</summary>
    public string? ConnectedContentError { get; private set; }

    /// <summary>Why the payload text does not parse, with its line and column; null when it does.</summary>
    public JsonTextError? PayloadError { get; private set; }

    /// <summary>Why the custom attributes text does not parse; null when it does.</summary>
    public JsonTextError? UserError { get; private set; }

    /// <summary>Grows on every change, so a preview can tell its data is newer than its last render.</summary>
    public int Revision { get; private set; }

    /// <summary>The sample data a render uses: the last payload and user that parsed.</summary>
    public RenderData Data => new(_payloadHash, _userHash) { ConnectedContent = new SampleConnectedContent(_responses) };

    /// <summary>Takes the saved samples, keeping the picked ones when they still exist, else picking the first.</summary>
    public void SetSamples(CampaignSamples samples, int? payloadId = null, int? userId = null, int? connectedContentId = null)
    {
        Samples = samples;
        Loaded = true;
        var pickPayload = payloadId ?? Payload.Id;
        var payload = samples.Payloads.FirstOrDefault(p => p.Id == pickPayload) ?? samples.Payloads.FirstOrDefault();
        Payload = payload is null ? NewPayload() : SamplePayloadForm.From(payload);
        var pickUser = userId ?? User.Id;
        var user = samples.Users.FirstOrDefault(u => u.Id == pickUser) ?? samples.Users.FirstOrDefault();
        User = user is null ? new SampleUserForm() : SampleUserForm.From(user);
        var pickResponses = connectedContentId ?? ConnectedContent.Id;
        var responses = samples.ConnectedContent.FirstOrDefault(c => c.Id == pickResponses) ?? samples.ConnectedContent.FirstOrDefault();
        ConnectedContent = responses is null ? NewPayload() : SamplePayloadForm.From(responses);
        ReparsePayload();
        ReparseUser();
        ReparseConnectedContent();
        Notify();
    }

    public void PickConnectedContent(int? id)
    {
        var responses = Samples.ConnectedContent.FirstOrDefault(c => c.Id == id);
        ConnectedContent = responses is null ? NewPayload() : SamplePayloadForm.From(responses);
        ReparseConnectedContent();
        Notify();
    }

    public void EditConnectedContentText(string? text)
    {
        ConnectedContent.Json = text ?? "";
        ReparseConnectedContent();
        Notify();
    }

    public void EditConnectedContentName(string? name)
    {
        ConnectedContent.Name = name ?? "";
        Notify();
    }

    private void ReparseConnectedContent()
    {
        if (ConnectedContentResponses.Read(ConnectedContent.Json, out var error) is { } responses)
        {
            _responses = responses;
        }
        ConnectedContentError = error;
    }

    public void PickPayload(int? id)
    {
        var payload = Samples.Payloads.FirstOrDefault(p => p.Id == id);
        Payload = payload is null ? NewPayload() : SamplePayloadForm.From(payload);
        ReparsePayload();
        Notify();
    }

    public void PickUser(int? id)
    {
        var user = Samples.Users.FirstOrDefault(u => u.Id == id);
        User = user is null ? new SampleUserForm() : SampleUserForm.From(user);
        ReparseUser();
        Notify();
    }

    public void EditPayloadText(string? text)
    {
        Payload.Json = text ?? "";
        ReparsePayload();
        Notify();
    }

    public void EditPayloadName(string? name)
    {
        Payload.Name = name ?? "";
        Notify();
    }

    public void EditUser(Action<SampleUserForm> edit)
    {
        edit(User);
        ReparseUser();
        Notify();
    }

    /// <summary>Whether the payload differs from its saved version (or is new and not blank).</summary>
    public bool PayloadChanged => Payload.Id is { } id
        ? Samples.Payloads.FirstOrDefault(p => p.Id == id) is not { } saved || saved.Name != Payload.Name || saved.Json != Payload.Json
        : !string.IsNullOrWhiteSpace(Payload.Name) || Payload.Json.Trim() is not ("" or "{\n}" or "{}");

    private void ReparsePayload()
    {
        var parsed = SamplePayloads.Parse(Payload.Json);
        PayloadError = parsed.Error;
        if (parsed.IsValid)
        {
            _payloadHash = parsed.Hash;
        }
    }

    private void ReparseUser()
    {
        var custom = SamplePayloads.Parse(User.CustomAttributesJson, "custom attributes");
        UserError = custom.Error;
        if (custom.IsValid)
        {
            _userHash = SampleUsers.ToUserHash(User.Attributes, User.CustomAttributesJson);
        }
        else
        {
            var standardOnly = SampleUsers.ToUserHash(User.Attributes, null);
            if (_userHash.TryGetValue("custom_attributes", out var previous))
            {
                standardOnly["custom_attributes"] = previous;
            }
            _userHash = standardOnly;
        }
    }

    private void Notify()
    {
        Revision++;
        Changed?.Invoke();
    }

    private static SamplePayloadForm NewPayload() => new() { Name = "", Json = "{\n}" };
}

/// <summary>One <see cref="PreviewSession"/> per campaign form open in this circuit, so moving between editor steps keeps it.</summary>
public sealed class PreviewSessions
{
    private readonly ConditionalWeakTable<CampaignForm, PreviewSession> _sessions = [];

    public PreviewSession For(CampaignForm form) => _sessions.GetValue(form, _ => new PreviewSession());
}
