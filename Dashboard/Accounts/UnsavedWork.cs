using System.Text.Json;
using Microsoft.JSInterop;

namespace Dashboard.Accounts;

/// <summary>
/// What an open page has typed but not saved, kept in the tab's session storage when the session ends, so signing in
/// again brings the page back with it. The editor registers its form; the layout stashes on "Sign in again".
/// </summary>
public sealed class UnsavedWork(IJSRuntime js)
{
    private const string Prefix = "brazelite-unsaved:";
    private readonly Dictionary<string, Func<object?>> _sources = [];

    /// <summary>While the returned scope lives, <paramref name="read"/> gives what page <paramref name="key"/> would lose.</summary>
    public IDisposable Register(string key, Func<object?> read)
    {
        _sources[key] = read;
        return new Unregister(this, key);
    }

    /// <summary>Writes every registered page's unsaved work to the tab's session storage.</summary>
    public async Task StashAsync()
    {
        foreach (var (key, read) in _sources)
        {
            if (read() is { } value)
            {
                await js.InvokeVoidAsync("sessionStorage.setItem", Prefix + key, JsonSerializer.Serialize(value));
            }
        }
    }

    /// <summary>The work stashed for <paramref name="key"/>, removed from storage as it is read; null when none.</summary>
    public async Task<T?> TakeAsync<T>(string key) where T : class
    {
        var json = await js.InvokeAsync<string?>("sessionStorage.getItem", Prefix + key);
        if (json is null)
        {
            return null;
        }
        await js.InvokeVoidAsync("sessionStorage.removeItem", Prefix + key);
        try
        {
            return JsonSerializer.Deserialize<T>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed class Unregister(UnsavedWork owner, string key) : IDisposable
    {
        public void Dispose() => owner._sources.Remove(key);
    }
}
