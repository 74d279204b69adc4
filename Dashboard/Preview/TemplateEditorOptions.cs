namespace Dashboard.Preview;

/// <summary>Whether template fields use the code editor (in the browser) or a plain text area.</summary>
public sealed class TemplateEditorOptions
{
    public bool UseCodeEditor { get; init; } = true;
}
