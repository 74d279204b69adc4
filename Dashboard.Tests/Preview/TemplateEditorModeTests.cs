using Dashboard.Preview;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Tests.Preview;

/// <summary>"Simple editor" clicked while code editors are still being created: the switch waits for them, never lost.</summary>
public class TemplateEditorModeTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Set_WhileEditorsAreBeingCreated_SwitchesOnceTheLastIsReady()
    {
        using var mode = new TemplateEditorMode(_time);
        var changes = 0;
        mode.Changed += () => changes++;
        mode.EditorCreating();
        mode.EditorCreating();
        mode.EditorSettled();

        mode.Set(true);

        Assert.False(mode.PlainText);
        Assert.True(mode.PlainTextWaiting);
        mode.EditorSettled();
        Assert.True(mode.PlainText);
        Assert.False(mode.PlainTextWaiting);
        Assert.Equal(1, changes);
    }

    [Fact]
    public void Set_WithNoEditorBeingCreated_SwitchesAtOnceBothWays()
    {
        using var mode = new TemplateEditorMode(_time);
        var changes = 0;
        mode.Changed += () => changes++;

        mode.Set(true);
        Assert.True(mode.PlainText);
        mode.Set(false);

        Assert.False(mode.PlainText);
        Assert.Equal(2, changes);
    }

    [Fact]
    public void Set_AnEditorNeverGetsReady_SwitchesAfterTheLongestWait()
    {
        using var mode = new TemplateEditorMode(_time);
        mode.EditorCreating();

        mode.Set(true);
        _time.Advance(TemplateEditorMode.MaxWait - TimeSpan.FromMilliseconds(1));
        Assert.False(mode.PlainText);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.True(mode.PlainText);
    }

    [Fact]
    public void Set_BackToTheCodeEditorWhileWaiting_CancelsTheSwitch()
    {
        using var mode = new TemplateEditorMode(_time);
        mode.EditorCreating();
        mode.Set(true);

        mode.Set(false);
        mode.EditorSettled();
        _time.Advance(TemplateEditorMode.MaxWait);

        Assert.False(mode.PlainText);
        Assert.False(mode.PlainTextWaiting);
    }
}
