namespace Dashboard.Preview;

/// <summary>The marketer's choice of plain text areas over the code editor, kept for the rest of the visit.</summary>
public sealed class TemplateEditorMode
{
    public bool PlainText { get; private set; }

    public event Action? Changed;

    public void Set(bool plainText)
    {
        if (PlainText != plainText)
        {
            PlainText = plainText;
            Changed?.Invoke();
        }
    }
}
