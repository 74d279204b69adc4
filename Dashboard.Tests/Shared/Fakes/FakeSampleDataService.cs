namespace Dashboard.Tests.Shared.Fakes;

/// <summary>Keeps samples in memory for component tests; validates names and JSON the way the real service does.</summary>
internal sealed class FakeSampleDataService : ISampleDataService
{
    private static readonly TemplateRules Templates = new(new TemplateRenderer(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<TemplateRenderer>.Instance));

    private static ValidationErrors Errors(string field, string message)
    {
        var errors = new ValidationErrors();
        errors.Add(field, message);
        return errors;
    }

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

    public Task<SampleWriteResult> SaveConnectedContentAsync(string campaignId, SamplePayloadForm form, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            return Task.FromResult(SampleWriteResult.Invalid(Errors(SampleFields.Name, "Give the sample a name.")));
        }
        if (ConnectedContentResponses.Read(form.Json, out var error) is null)
        {
            return Task.FromResult(SampleWriteResult.Invalid(Errors(SampleFields.Json, error!)));
        }
        var responses = new SamplePayload(form.Id ?? _nextId++, form.Name.Trim(), form.Json, Guid.NewGuid());
        _connectedContent.RemoveAll(p => p.Responses.Id == responses.Id);
        _connectedContent.Add((campaignId, responses));
        return Task.FromResult(SampleWriteResult.Done(responses.Id, responses.Version));
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

    public Task<SampleWriteResult> SavePayloadAsync(string campaignId, SamplePayloadForm form, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            errors.Add(SampleFields.Name, "Give the sample a name.");
        }
        else if (_payloads.Any(p => p.CampaignId == campaignId && p.Payload.Id != form.Id
                                    && string.Equals(p.Payload.Name, form.Name.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(SampleFields.Name, $"This campaign already has a sample payload called \"{form.Name.Trim()}\"; choose another name.");
        }
        if (SamplePayloads.Parse(form.Json).Error is { } error)
        {
            errors.Add(SampleFields.Json, error.ToString());
        }
        if (errors.Count > 0)
        {
            return Task.FromResult(SampleWriteResult.Invalid(errors));
        }
        var payload = new SamplePayload(form.Id ?? _nextId++, form.Name.Trim(), form.Json, Guid.NewGuid());
        _payloads.RemoveAll(p => p.Payload.Id == payload.Id);
        _payloads.Add((campaignId, payload));
        _payloads.Sort((a, b) => a.Payload.Id.CompareTo(b.Payload.Id));
        return Task.FromResult(SampleWriteResult.Done(payload.Id, payload.Version));
    }

    public Task<SampleWriteResult> SaveUserAsync(string campaignId, SampleUserForm form, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(form.Name))
        {
            return Task.FromResult(SampleWriteResult.Invalid(Errors(SampleFields.Name, "Give the sample a name.")));
        }
        var user = new SampleUser(form.Id ?? _nextId++, form.Name.Trim(), new Dictionary<string, string>(form.Attributes), form.CustomAttributesJson, Guid.NewGuid());
        _users.RemoveAll(u => u.User.Id == user.Id);
        _users.Add((campaignId, user));
        return Task.FromResult(SampleWriteResult.Done(user.Id, user.Version));
    }

    public Task<SampleWriteResult> RenameAsync(string campaignId, SampleKind kind, int id, string name, Guid expectedVersion, CancellationToken ct = default) =>
        throw new NotSupportedException("The panel renames through SavePayloadAsync.");

    public Task<SampleWriteResult> DuplicateAsync(string campaignId, SampleKind kind, int id, CancellationToken ct = default)
    {
        var source = _payloads.Single(p => p.Payload.Id == id);
        var copy = AddPayload(campaignId, source.Payload.Name + " (copy)", source.Payload.Json);
        return Task.FromResult(SampleWriteResult.Done(copy.Id, copy.Version));
    }

    public Task<SampleWriteResult> DeleteAsync(string campaignId, SampleKind kind, int id, Guid expectedVersion, CancellationToken ct = default)
    {
        var removed = kind switch
        {
            SampleKind.Payload => _payloads.RemoveAll(p => p.Payload.Id == id),
            SampleKind.User => _users.RemoveAll(u => u.User.Id == id),
            _ => _connectedContent.RemoveAll(c => c.Responses.Id == id),
        };
        return Task.FromResult(removed == 0 ? SampleWriteResult.NotFound("gone") : new SampleWriteResult(WriteOutcome.Done, id));
    }

    public Task<SampleWriteResult> GeneratePayloadAsync(Campaign campaign, CancellationToken ct = default)
    {
        var payload = AddPayload(campaign.CampaignId, "From templates", TriggerProperties.SampleJson(Templates.TriggerPropertyPaths(campaign)));
        return Task.FromResult(SampleWriteResult.Done(payload.Id, payload.Version));
    }
}
