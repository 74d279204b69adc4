using Dashboard.Campaigns;
using Dashboard.Preview;

namespace Dashboard.Tests.Preview;

/// <summary>Keeps samples in memory for component tests; validates names and JSON the way the real service does.</summary>
internal sealed class FakeSampleDataService : ISampleDataService
{
    private readonly List<(string CampaignId, SamplePayload Payload)> _payloads = [];
    private readonly List<(string CampaignId, SampleUser User)> _users = [];
    private readonly List<(string CampaignId, SamplePayload Responses)> _connectedContent = [];
    private int _nextId = 1;

    public int ListCalls { get; private set; }

    public SamplePayload AddPayload(string campaignId, string name, string json)
    {
        var payload = new SamplePayload(_nextId++, name, json, Guid.NewGuid());
        _payloads.Add((campaignId, payload));
        return payload;
    }

    public SampleUser AddUser(string campaignId, string name, Dictionary<string, string> attributes, string customJson = "{}")
    {
        var user = new SampleUser(_nextId++, name, attributes, customJson, Guid.NewGuid());
        _users.Add((campaignId, user));
        return user;
    }

    public SamplePayload AddConnectedContent(string campaignId, string name, string json)
    {
        var responses = new SamplePayload(_nextId++, name, json, Guid.NewGuid());
        _connectedContent.Add((campaignId, responses));
        return responses;
    }

    public Task<SampleSaveResult> SaveConnectedContentAsync(string campaignId, SamplePayloadForm form, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            return Task.FromResult(SampleSaveResult.Invalid(new Dictionary<string, string> { [SampleFields.Name] = "Give the sample a name." }));
        }
        if (ConnectedContentResponses.Read(form.Json, out var error) is null)
        {
            return Task.FromResult(SampleSaveResult.Invalid(new Dictionary<string, string> { [SampleFields.Json] = error! }));
        }
        var responses = new SamplePayload(form.Id ?? _nextId++, form.Name.Trim(), form.Json, Guid.NewGuid());
        _connectedContent.RemoveAll(p => p.Responses.Id == responses.Id);
        _connectedContent.Add((campaignId, responses));
        return Task.FromResult(SampleSaveResult.Saved(responses.Id, responses.Version));
    }

    public Task<CampaignSamples> ListAsync(string campaignId, CancellationToken ct = default)
    {
        ListCalls++;
        return Task.FromResult(new CampaignSamples(
            _payloads.Where(p => p.CampaignId == campaignId).Select(p => p.Payload).ToList(),
            _users.Where(u => u.CampaignId == campaignId).Select(u => u.User).ToList())
        {
            ConnectedContent = _connectedContent.Where(c => c.CampaignId == campaignId).Select(c => c.Responses).ToList(),
        });
    }

    public Task<SampleSaveResult> SavePayloadAsync(string campaignId, SamplePayloadForm form, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            errors[SampleFields.Name] = "Give the sample a name.";
        }
        else if (_payloads.Any(p => p.CampaignId == campaignId && p.Payload.Id != form.Id
                                    && string.Equals(p.Payload.Name, form.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors[SampleFields.Name] = $"This campaign already has a sample payload called \"{form.Name.Trim()}\"; choose another name.";
        }
        if (SamplePayloads.Parse(form.Json).Error is { } error)
        {
            errors[SampleFields.Json] = error.ToString();
        }
        if (errors.Count > 0)
        {
            return Task.FromResult(SampleSaveResult.Invalid(errors));
        }
        var payload = new SamplePayload(form.Id ?? _nextId++, form.Name.Trim(), form.Json, Guid.NewGuid());
        _payloads.RemoveAll(p => p.Payload.Id == payload.Id);
        _payloads.Add((campaignId, payload));
        _payloads.Sort((a, b) => a.Payload.Id.CompareTo(b.Payload.Id));
        return Task.FromResult(SampleSaveResult.Saved(payload.Id, payload.Version));
    }

    public Task<SampleSaveResult> SaveUserAsync(string campaignId, SampleUserForm form, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            return Task.FromResult(SampleSaveResult.Invalid(new Dictionary<string, string> { [SampleFields.Name] = "Give the sample a name." }));
        }
        var user = new SampleUser(form.Id ?? _nextId++, form.Name.Trim(), new Dictionary<string, string>(form.Attributes), form.CustomAttributesJson, Guid.NewGuid());
        _users.RemoveAll(u => u.User.Id == user.Id);
        _users.Add((campaignId, user));
        return Task.FromResult(SampleSaveResult.Saved(user.Id, user.Version));
    }

    public Task<SampleSaveResult> RenameAsync(string campaignId, SampleKind kind, int id, string name, Guid expectedVersion, CancellationToken ct = default) =>
        throw new NotSupportedException("The panel renames through SavePayloadAsync.");

    public Task<SampleSaveResult> DuplicateAsync(string campaignId, SampleKind kind, int id, CancellationToken ct = default)
    {
        var source = _payloads.Single(p => p.Payload.Id == id);
        var copy = AddPayload(campaignId, source.Payload.Name + " (copy)", source.Payload.Json);
        return Task.FromResult(SampleSaveResult.Saved(copy.Id, copy.Version));
    }

    public Task<SampleSaveResult> DeleteAsync(string campaignId, SampleKind kind, int id, CancellationToken ct = default)
    {
        var removed = kind switch
        {
            SampleKind.Payload => _payloads.RemoveAll(p => p.Payload.Id == id),
            SampleKind.User => _users.RemoveAll(u => u.User.Id == id),
            _ => _connectedContent.RemoveAll(c => c.Responses.Id == id),
        };
        return Task.FromResult(removed == 0 ? SampleSaveResult.NotFound("gone") : new SampleSaveResult(SaveOutcome.Saved, id));
    }

    public Task<SampleSaveResult> GeneratePayloadAsync(CampaignForm campaign, CancellationToken ct = default)
    {
        var payload = AddPayload(campaign.CampaignId!, "From templates", SamplePayloads.GenerateFor(campaign));
        return Task.FromResult(SampleSaveResult.Saved(payload.Id, payload.Version));
    }
}
