using System.ComponentModel.DataAnnotations;

namespace Dashboard.Accounts;

/// <summary>What the static account pages share: the form's checks and a safe place to return to.</summary>
internal static class AccountPages
{
    /// <summary>The form's annotations checked, as field name to first message.</summary>
    public static Dictionary<string, string> Validate(object form)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(form, new ValidationContext(form), results, validateAllProperties: true);
        var errors = new Dictionary<string, string>();
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                errors.TryAdd(member, result.ErrorMessage ?? "Check this field.");
            }
        }
        return errors;
    }

    /// <summary>A path on this site to go back to after signing in; anything else (another host, //x, \x) becomes "/".</summary>
    public static string LocalReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal) && !url.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)
            ? url
            : "/";

    public static string PasswordHint => $"At least {AccountsSetup.MinimumPasswordLength} characters; a few words are easier to remember than symbols.";
}
