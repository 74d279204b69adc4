namespace Dashboard.Preview;

/// <summary>
/// The marketer's choice of plain text areas over the code editor, kept for the rest of the visit. A code editor still
/// being created cannot be removed (BlazorMonaco fails inside), so a switch to plain text made meanwhile waits for the
/// editors being created and happens once the last is ready: the click is never lost. An editor that never gets ready
/// (its scripts failed) holds the switch up for <see cref="MaxWait"/> at most.
/// </summary>
public sealed class TemplateEditorMode(TimeProvider time) : IDisposable
{
    /// <summary>How long a switch to plain text waits for editors still being created.</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(3);

    private readonly Lock _lock = new();
    private int _creating;
    private bool _plainTextWaiting;
    private ITimer? _fallback;

    public bool PlainText { get; private set; }

    /// <summary>Whether a switch to plain text waits for editors still being created.</summary>
    public bool PlainTextWaiting
    {
        get
        {
            lock (_lock)
            {
                return _plainTextWaiting;
            }
        }
    }

    public event Action? Changed;

    public void Set(bool plainText)
    {
        lock (_lock)
        {
            if (plainText && !PlainText && _creating > 0)
            {
                _plainTextWaiting = true;
                _fallback ??= time.CreateTimer(_ => SwitchWithoutWaiting(), null, MaxWait, Timeout.InfiniteTimeSpan);
                return;
            }
            _plainTextWaiting = false;
            _fallback?.Dispose();
            _fallback = null;
            if (PlainText == plainText)
            {
                return;
            }
            PlainText = plainText;
        }
        Changed?.Invoke();
    }

    /// <summary>A code editor is being created; <see cref="EditorSettled"/> must follow, when it is ready or gone.</summary>
    public void EditorCreating()
    {
        lock (_lock)
        {
            _creating++;
        }
    }

    /// <summary>A code editor counted by <see cref="EditorCreating"/> is ready (or was removed before it was).</summary>
    public void EditorSettled()
    {
        bool apply;
        lock (_lock)
        {
            _creating = Math.Max(0, _creating - 1);
            apply = _creating == 0 && _plainTextWaiting;
        }
        if (apply)
        {
            Set(true);
        }
    }

    // The editors waited for did not get ready in time: switch anyway (those still there are removed with their field).
    private void SwitchWithoutWaiting()
    {
        lock (_lock)
        {
            if (!_plainTextWaiting)
            {
                return;
            }
            _creating = 0;
        }
        Set(true);
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _fallback?.Dispose();
            _fallback = null;
        }
    }
}
