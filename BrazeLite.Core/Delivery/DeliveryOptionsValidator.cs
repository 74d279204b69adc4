using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace BrazeLite.Core.Delivery;

/// <summary>
/// Checks the whole <c>Delivery</c> section at start, nested channel sections included, and that a live channel has what
/// it needs, so a half-configured provider stops the start with a clear message rather than failing each message.
/// </summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var failures = new List<string>();
        Check(options, "Delivery", failures);
        Check(options.Email, "Delivery:Email", failures);
        Check(options.Webhook, "Delivery:Webhook", failures);
        Check(options.Sms, "Delivery:Sms", failures);
        Check(options.Push, "Delivery:Push", failures);
        Check(options.Push.Fcm, "Delivery:Push:Fcm", failures);
        Check(options.Push.Apns, "Delivery:Push:Apns", failures);
        Check(options.Push.Adm, "Delivery:Push:Adm", failures);
        Check(options.ConnectedContent, "Delivery:ConnectedContent", failures);

        if (!string.IsNullOrEmpty(options.Email.UserName) && string.IsNullOrEmpty(options.Email.Password))
        {
            failures.Add("Delivery:Email:Password is required when Delivery:Email:UserName is set.");
        }
        if (options.Email.ListUnsubscribe is { Length: > 0 } unsubscribe
            && !unsubscribe.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            && !unsubscribe.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Delivery:Email:ListUnsubscribe must be a mailto: address or an https:// URL.");
        }
        if (options.Sms.IsLive)
        {
            if (string.IsNullOrEmpty(options.Sms.AuthToken))
            {
                failures.Add("Delivery:Sms:AuthToken is required when Delivery:Sms:AccountSid is set.");
            }
            if (string.IsNullOrEmpty(options.Sms.From) && string.IsNullOrEmpty(options.Sms.MessagingServiceSid))
            {
                failures.Add("Delivery:Sms needs From (a phone number) or MessagingServiceSid to send.");
            }
        }
        if (options.Push.Fcm.IsLive && string.IsNullOrEmpty(options.Push.Fcm.AccessToken))
        {
            failures.Add("Delivery:Push:Fcm:AccessToken is required when Delivery:Push:Fcm:ProjectId is set.");
        }
        if (options.Push.Apns.IsLive && string.IsNullOrEmpty(options.Push.Apns.AuthToken))
        {
            failures.Add("Delivery:Push:Apns:AuthToken is required when Delivery:Push:Apns:Topic is set.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(object section, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(section, new ValidationContext(section), results, validateAllProperties: true))
        {
            failures.AddRange(results.Select(r => $"{path}: {r.ErrorMessage}"));
        }
    }
}
