namespace BrazeLite.Liquid.Braze;

/// <summary>One of Braze's standard user attributes: its Liquid name (<c>${first_name}</c>) and a label for people.</summary>
/// <param name="Key">The name templates use, as in <c>{{${first_name}}}</c>.</param>
/// <param name="Label">How a person reads it ("First name").</param>
/// <param name="Profile">Whether it is profile data a person or <c>users/track</c> sets, rather than one Braze keeps itself (<c>braze_id</c>, <c>random_bucket_number</c>, ...).</param>
public sealed record BrazeAttribute(string Key, string Label, bool Profile);
