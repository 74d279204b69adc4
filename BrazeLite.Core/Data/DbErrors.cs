using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace BrazeLite.Core.Data;

/// <summary>What a failed write means, in the one place that knows the database's error codes.</summary>
public static class DbErrors
{
    private const int SqliteConstraint = 19;

    /// <summary>
    /// Whether the write broke a unique index that <paramref name="what"/> names: SQLite names the indexed columns
    /// (<c>Campaigns.NormalizedName</c>), so pass a column name, or the index name for other databases.
    /// </summary>
    public static bool IsUniqueViolation(DbUpdateException ex, string what) =>
        ex.InnerException is SqliteException { SqliteErrorCode: SqliteConstraint } sqlite
        && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal)
        && sqlite.Message.Contains(what, StringComparison.Ordinal);
}
