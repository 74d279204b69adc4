using MudBlazor;

namespace Dashboard.Components.Layout;

/// <summary>
/// MudBlazor's palette with the status colours darkened until text in them reads at 4.5:1 or more on white (WCAG AA):
/// the defaults give warnings 2.2:1, errors 3.7:1, successes 2.8:1 and information 3.1:1.
/// </summary>
public static class DashboardTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Error = "#c62828",       // 5.6:1
            Warning = "#9a5b00",     // 5.4:1
            Success = "#2e7d32",     // 5.1:1
            Info = "#1565c0",        // 5.8:1
        },
    };
}
