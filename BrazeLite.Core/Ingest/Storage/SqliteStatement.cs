using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BrazeLite.Core.Ingest.Storage;

/// <summary>
/// One statement of the writer, prepared once on its connection and run again and again with parameters bound by
/// position (decision 0005). Microsoft.Data.Sqlite binds every parameter by name on every run, which cost about a
/// quarter of the writer's time on the send path; this calls SQLite's own API through the provider it already uses.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _stmt;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(_db, sql, out _stmt));
    }

    /// <summary>Binds <paramref name="values"/> to the parameters in order (null as NULL).</summary>
    public SqliteStatement Bind(params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var position = i + 1;
            Check(values[i] switch
            {
                null => raw.sqlite3_bind_null(_stmt, position),
                string s => BindText(position, s),
                long l => raw.sqlite3_bind_int64(_stmt, position, l),
                int n => raw.sqlite3_bind_int64(_stmt, position, n),
                bool b => raw.sqlite3_bind_int64(_stmt, position, b ? 1 : 0),
                double d => raw.sqlite3_bind_double(_stmt, position, d),
                var other => throw new ArgumentException($"cannot bind a {other.GetType().Name}", nameof(values)),
            });
        }
        return this;
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    // Text goes to SQLite as UTF-8 through this buffer (SQLite copies it), not a new array per value.
    private byte[] _utf8 = new byte[256];

    private int BindText(int position, string value)
    {
        var needed = System.Text.Encoding.UTF8.GetMaxByteCount(value.Length);
        if (needed > _utf8.Length)
        {
            _utf8 = new byte[Math.Max(needed, _utf8.Length * 2)];
        }
        var length = System.Text.Encoding.UTF8.GetBytes(value, _utf8);
        return raw.sqlite3_bind_text(_stmt, position, _utf8.AsSpan(0, length));
    }

    public void Run()
    {
        try
        {
            var rc = raw.sqlite3_step(_stmt);
            if (rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW) Check(rc);
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>The first column of the first row, or null when there is no row or it is NULL.</summary>
    public long? ScalarInt64()
    {
        try
        {
            var rc = raw.sqlite3_step(_stmt);
            if (rc == raw.SQLITE_ROW) return raw.sqlite3_column_type(_stmt, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_stmt, 0);
            if (rc != raw.SQLITE_DONE) Check(rc);
            return null;
        }
        finally
        {
            Reset();
        }
    }

    /// <summary>Steps to the next row; false when there is none. Call <see cref="Reset"/> when done reading.</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(_stmt);
        if (rc == raw.SQLITE_ROW) return true;
        if (rc != raw.SQLITE_DONE)
        {
            Reset();
            Check(rc);
        }
        return false;
    }

    public bool IsNull(int column) => raw.sqlite3_column_type(_stmt, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(_stmt, column);

    public int Int32(int column) => raw.sqlite3_column_int(_stmt, column);

    public string Text(int column) => raw.sqlite3_column_text(_stmt, column).utf8_to_string() ?? "";

    public string? TextOrNull(int column) => IsNull(column) ? null : Text(column);

    public void Reset()
    {
        raw.sqlite3_reset(_stmt);
        raw.sqlite3_clear_bindings(_stmt);
    }

    public void Dispose() => _stmt.Dispose();

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, _db);
    }
}
