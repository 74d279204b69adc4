using System.ComponentModel.DataAnnotations;
using BrazeLite.Core.Accounts;

namespace Dashboard.Accounts;

/// <summary>The first start's form: the administrator who then invites everyone else.</summary>
public sealed class FirstAdminForm
{
    [Required(ErrorMessage = "Type your name.")]
    [StringLength(Account.MaxDisplayNameLength, ErrorMessage = "A name has at most 100 characters.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Type your email address.")]
    [EmailAddress(ErrorMessage = "That is not an email address.")]
    [StringLength(256)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>An admin's invitation: who, and with which role. The person chooses a password from the link.</summary>
public sealed class InviteForm
{
    [Required(ErrorMessage = "Type the person's name.")]
    [StringLength(Account.MaxDisplayNameLength, ErrorMessage = "A name has at most 100 characters.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Type the person's email address.")]
    [EmailAddress(ErrorMessage = "That is not an email address.")]
    [StringLength(256)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Pick a role.")]
    public string Role { get; set; } = Roles.Marketer;
}

/// <summary>The invitation (or reset) link's form.</summary>
public sealed class SetPasswordForm
{
    [Required(ErrorMessage = "Choose a password.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Type the password again.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>The sign-in form.</summary>
public sealed class SignInForm
{
    [Required(ErrorMessage = "Type your email address.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Type your password.")]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}

/// <summary>An account as the users page lists it.</summary>
public sealed record AccountSummary(string Id, string DisplayName, string Email, string Role, AccountState State, DateTimeOffset CreatedAt);

public enum AccountState
{
    /// <summary>Invited; the password is not chosen yet.</summary>
    Invited,
    Active,
    /// <summary>Too many wrong passwords; it opens again by itself.</summary>
    LockedOut,
    Disabled,
}

/// <summary>How an account write ended: field messages for the form, or a sentence; <see cref="Link"/> for invitations.</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyDictionary<string, string>? Errors = null, string? Message = null,
    string? AccountId = null, string? Link = null)
{
    public static AccountResult Done(string accountId, string? link = null) => new(true, AccountId: accountId, Link: link);

    public static AccountResult Refused(string message) => new(false, Message: message);

    public static AccountResult Invalid(string field, string message) =>
        new(false, new Dictionary<string, string> { [field] = message }, message);

    public string? ErrorFor(string field) => Errors?.GetValueOrDefault(field);
}
