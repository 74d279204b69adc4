using Microsoft.AspNetCore.Identity;

namespace BrazeLite.Core.Accounts;

/// <summary>A person who signs in to the dashboard (ASP.NET Core Identity's user, in the one database).</summary>
public sealed class Account : IdentityUser
{
    public const int MaxDisplayNameLength = 100;

    /// <summary>The name the dashboard shows and the audit trail records.</summary>
    public string DisplayName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set once the invited person has chosen a password; an invitation link works only before that.</summary>
    public DateTimeOffset? PasswordSetAt { get; set; }

    /// <summary>An admin turned the account off: it cannot sign in, and its sessions end at the next check.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
