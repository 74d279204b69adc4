using System.Text.RegularExpressions;

namespace Dashboard.Tests.Architecture;

/// <summary>
/// The dependency rules of docs/decisions/0001, read from the source: which project and folder may name which
/// namespace. A rule broken here is a type in the wrong place, not a rule to relax.
/// </summary>
public sealed partial class DependencyRulesTests
{
    public static TheoryData<string, string, string> Rules() => new()
    {
        // folder (from the repository root), forbidden namespace prefix, why
        { "BrazeLite.Liquid", "BrazeLite.Core", "the engine knows nothing of the domain" },
        { "BrazeLite.Liquid", "Dashboard", "the engine knows nothing of the web app" },
        { "BrazeLite.Liquid", "Microsoft.", "the engine references .NET only" },
        { "BrazeLite.Core", "Dashboard", "the domain knows nothing of the web app" },
        { "BrazeLite.Core", "MudBlazor", "the domain has no UI" },
        // The domain has no HTTP endpoints; it names ASP.NET Core only for Identity's account types (its tables live here).
        { "BrazeLite.Core", "Microsoft.AspNetCore.Http", "the domain has no HTTP endpoints" },
        { "BrazeLite.Core", "Microsoft.AspNetCore.Builder", "the domain has no HTTP endpoints" },
        { "BrazeLite.Core", "Microsoft.AspNetCore.Routing", "the domain has no HTTP endpoints" },
        { "BrazeLite.Core", "Microsoft.AspNetCore.Mvc", "the domain has no HTTP endpoints" },
        { "BrazeLite.Core", "Microsoft.AspNetCore.Components", "the domain has no UI" },
        { "BrazeLite.Core", "Microsoft.AspNetCore.Authentication", "sign-in belongs to the dashboard" },
        { "BrazeLite.Core", "Microsoft.AspNetCore.Authorization", "the services check roles themselves (Accounts/Roles.cs)" },
        { "BrazeLite.Core/Accounts", "BrazeLite.Core.Campaigns", "accounts sit below every feature" },
        { "BrazeLite.Core/Campaigns", "BrazeLite.Core.Approvals", "approvals use campaigns, never the reverse" },
        { "Dashboard/Approvals", "Dashboard.Campaigns", "the campaign pages link to approvals, never the reverse" },
        { "BrazeLite.Core/Audit", "BrazeLite.Core.Campaigns", "the audit trail records every feature and knows none" },
        { "BrazeLite.Core/Audit", "BrazeLite.Core.Samples", "the audit trail records every feature and knows none" },
        { "BrazeLite.Core/Audit", "BrazeLite.Core.ApiKeys", "the audit trail records every feature and knows none" },
        { "BrazeLite.Core/Templates", "BrazeLite.Core.Campaigns", "templates sit below campaigns" },
        { "BrazeLite.Core/Templates", "BrazeLite.Core.Samples", "templates sit below samples" },
        { "BrazeLite.Core/Templates", "BrazeLite.Core.Messaging", "templates sit below messaging" },
        { "BrazeLite.Core/Campaigns", "BrazeLite.Core.Samples", "samples belong to campaigns, not the other way round" },
        { "BrazeLite.Core/Campaigns", "BrazeLite.Core.Messaging", "messaging reads campaigns" },
        { "BrazeLite.Core/Data", "BrazeLite.Core.Campaigns", "features own their tables; Data refers to none" },
        { "BrazeLite.Core/Data", "BrazeLite.Core.Samples", "features own their tables; Data refers to none" },
        { "Dashboard/Preview", "Dashboard.Campaigns", "the editor uses the preview, never the reverse" },
        { "Dashboard/Preview", "Dashboard.Api", "the REST group maps the preview endpoint, never the reverse" },
        { "Dashboard/ApiKeys", "Dashboard.Campaigns", "the keys pages stand alone" },
        { "Dashboard/ApiKeys", "Dashboard.Preview", "the keys pages stand alone" },
        { "Dashboard/Campaigns", "Dashboard.Api", "pages call services, not endpoints" },
        { "Dashboard/Activity", "Dashboard.Campaigns", "the campaign page shows the log's results, never the reverse" },
        { "Dashboard/Activity", "Dashboard.Api", "pages call services, not endpoints" },
        { "Dashboard/Users", "Dashboard.Campaigns", "the Users pages stand alone" },
        { "Dashboard/Users", "Dashboard.Api", "pages call services, not endpoints" },
        { "Dashboard/Delivery", "Dashboard.Campaigns", "the Test inbox and the delivery views stand alone" },
        { "Dashboard/Delivery", "Dashboard.Api", "pages call services, not endpoints" },
        { "Dashboard/Delivery", "Dashboard.Activity", "the activity log shows delivery views, never the reverse" },
        { "BrazeLite.Core/Delivery", "BrazeLite.Core.Activity", "the activity log reads delivery, never the reverse" },
        { "BrazeLite.Liquid.Benchmarks", "Dashboard", "the benchmarks link the engine only" },
        { "BrazeLite.Liquid.Benchmarks", "BrazeLite.Core", "the benchmarks link the engine only" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Folder_NamesNoForbiddenNamespace(string folder, string forbidden, string why)
    {
        var root = Path.Combine(RepositoryRoot(), folder);
        Assert.True(Directory.Exists(root), $"{folder} is missing");
        var offences = new List<string>();
        foreach (var file in SourceFiles(root))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var match = NamespaceReference().Match(lines[i]);
                if (match.Success && (match.Groups["ns"].Value == forbidden.TrimEnd('.') || match.Groups["ns"].Value.StartsWith(forbidden.EndsWith('.') ? forbidden : forbidden + ".", StringComparison.Ordinal)))
                {
                    offences.Add($"{Path.GetRelativePath(RepositoryRoot(), file)}:{i + 1}: {lines[i].Trim()}");
                }
            }
        }
        Assert.True(offences.Count == 0, $"{folder} must not use {forbidden} ({why}):\n{string.Join("\n", offences)}");
    }

    [Fact]
    public void Core_ReferencesNoWebFramework()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), "BrazeLite.Core/BrazeLite.Core.csproj"));
        Assert.DoesNotContain("Microsoft.AspNetCore.App", text);
        Assert.DoesNotContain("Sdk.Web", text);
    }

    [Theory]
    [InlineData("BrazeLite.Liquid/BrazeLite.Liquid.csproj")]
    public void Engine_ReferencesNoPackageOrProject(string project)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot(), project));
        Assert.DoesNotContain("<PackageReference", text);
        Assert.DoesNotContain("<ProjectReference", text);
    }

    // using X; using static X; global using X; @using X (Razor), and fully qualified names in code.
    [GeneratedRegex(@"^\s*(?:global\s+)?@?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?<ns>[A-Za-z_][\w.]*)")]
    private static partial Regex NamespaceReference();

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BrazeLite.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("no BrazeLite.sln above " + AppContext.BaseDirectory);
    }
}
