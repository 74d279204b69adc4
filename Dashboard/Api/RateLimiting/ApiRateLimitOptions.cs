using System.ComponentModel.DataAnnotations;

namespace Dashboard.Api.RateLimiting;

/// <summary>The <c>RateLimits</c> section: requests per key per window, Braze's defaults.</summary>
public sealed class ApiRateLimitOptions : IValidatableObject
{
    public const string Section = "RateLimits";

    /// <summary><c>/messages/send</c>, <c>/campaigns/trigger/send</c> and AJO's executions together.</summary>
    public RateLimit Send { get; set; } = new() { Limit = 250_000, Window = TimeSpan.FromHours(1) };

    /// <summary><c>/users/track</c>.</summary>
    public RateLimit UsersTrack { get; set; } = new() { Limit = 3_000, Window = TimeSpan.FromSeconds(3) };

    /// <summary>Sends with <c>broadcast: true</c>, counted on top of <see cref="Send"/>: Braze allows 250 a minute.</summary>
    public RateLimit Broadcast { get; set; } = new() { Limit = 250, Window = TimeSpan.FromMinutes(1) };

    /// <summary><c>/sends/id/create</c>: Braze allows 100 a day.</summary>
    public RateLimit SendIds { get; set; } = new() { Limit = 100, Window = TimeSpan.FromDays(1) };

    /// <summary><c>/campaigns/data_series</c>: Braze allows 50,000 a minute.</summary>
    public RateLimit DataSeries { get; set; } = new() { Limit = 50_000, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Every other endpoint (exports, send IDs, the preview API) together.</summary>
    public RateLimit Default { get; set; } = new() { Limit = 250_000, Window = TimeSpan.FromHours(1) };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, limit) in new[] { ("Send", Send), ("UsersTrack", UsersTrack), ("Broadcast", Broadcast), ("SendIds", SendIds), ("DataSeries", DataSeries), ("Default", Default) })
        {
            if (limit.Limit < 1)
            {
                yield return new ValidationResult($"RateLimits:{name}:Limit must be at least 1.");
            }
            if (limit.Window < TimeSpan.FromSeconds(1) || limit.Window > TimeSpan.FromDays(1))
            {
                yield return new ValidationResult($"RateLimits:{name}:Window must be between 00:00:01 and 1.00:00:00.");
            }
        }
    }
}

/// <summary>At most <see cref="Limit"/> requests per <see cref="Window"/>.</summary>
public sealed class RateLimit
{
    public int Limit { get; set; }

    public TimeSpan Window { get; set; }
}
