using BrazeLite.Core.Campaigns;

namespace BrazeLite.Core.Samples;

/// <summary>
/// The result of a sample write. Expected failures (invalid input, a stale version) come back here; <see cref="Errors"/>
/// maps a field (<see cref="SampleFields"/>) to its messages.
/// </summary>
public sealed record SampleWriteResult(WriteOutcome Outcome, int? Id = null, Guid? Version = null,
    ValidationErrors? Errors = null, string? Message = null)
{
    public bool Succeeded => Outcome == WriteOutcome.Done;

    /// <summary>The field's message, or null.</summary>
    public string? ErrorFor(string field) => Errors?.For(field);

    public static SampleWriteResult Done(int id, Guid version) => new(WriteOutcome.Done, id, version);

    public static SampleWriteResult Invalid(ValidationErrors errors) =>
        new(WriteOutcome.Invalid, Errors: errors, Message: string.Join(" ", errors.Values.SelectMany(m => m)));

    public static SampleWriteResult Conflict() =>
        new(WriteOutcome.Conflict, Message: "This sample was changed or deleted by someone else meanwhile: reload the samples to see their version.");

    public static SampleWriteResult NotFound(string message) => new(WriteOutcome.NotFound, Message: message);

    public static SampleWriteResult NotAllowed(string message) => new(WriteOutcome.NotAllowed, Message: message);
}
