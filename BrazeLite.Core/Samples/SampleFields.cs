namespace BrazeLite.Core.Samples;

/// <summary>Field keys of sample validation errors.</summary>
public static class SampleFields
{
    public const string Name = "Name";
    public const string Json = "Json";
    public const string CustomAttributes = "CustomAttributes";

    public static string Attribute(string key) => $"Attributes.{key}";
}
