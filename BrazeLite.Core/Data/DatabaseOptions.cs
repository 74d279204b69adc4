using System.ComponentModel.DataAnnotations;

namespace BrazeLite.Core.Data;

/// <summary>Where the database is: the connection string <c>ConnectionStrings:Dashboard</c>, read here and nowhere else.</summary>
public sealed class DatabaseOptions
{
    public const string ConnectionStringName = "Dashboard";

    [Required(ErrorMessage = "Set ConnectionStrings:Dashboard (appsettings.json or ConnectionStrings__Dashboard), e.g. \"Data Source=brazelite.db\".")]
    public string? ConnectionString { get; set; }
}
