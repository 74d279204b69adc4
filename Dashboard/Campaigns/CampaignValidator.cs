namespace Dashboard.Campaigns;

/// <summary>
/// The rules every campaign obeys, used by the editor (per field, as the marketer types) and again by the
/// service before anything is written. Name uniqueness needs the database and is checked by the service.
/// </summary>
public static class CampaignValidator
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;
    public const int MaxVariants = 8;
    public const int MaxConversionEvents = 4;
    public const int MaxReeligibilityDays = 720;
    public const int MaxDeadlineHours = 30 * 24;

    /// <summary>
    /// Every problem with the campaign at the given level. A draft may be incomplete (no channel yet, message
    /// fields still empty) but never wrong: limits, formats, percentages and IDs hold at every level.
    /// </summary>
    public static ValidationErrors Validate(CampaignForm form, ValidationLevel level = ValidationLevel.Launch)
    {
        var errors = new ValidationErrors();
        var complete = level == ValidationLevel.Launch;
        ValidateDetails(form, errors);
        ValidateChannels(form, errors, complete);
        if (form.Type == CampaignType.ApiTriggered)
        {
            ValidateVariants(form, errors, complete);
            ValidateReeligibility(form, errors);
        }
        ValidateConversionEvents(form, errors);
        return errors;
    }

    public static string? NameError(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Give the campaign a name."
        : name.Trim().Length > MaxNameLength ? $"Keep the name to {MaxNameLength} characters."
        : null;

    private static void ValidateDetails(CampaignForm form, ValidationErrors errors)
    {
        if (NameError(form.Name) is { } nameError)
        {
            errors.Add(CampaignFields.Name, nameError);
        }
        if (form.Description is { Length: > MaxDescriptionLength })
        {
            errors.Add(CampaignFields.Description, $"Keep the description to {MaxDescriptionLength} characters.");
        }
        if (form.Tags.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(CampaignFields.Tags, "Tags cannot be empty.");
        }
        if (form.Tags.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != form.Tags.Count)
        {
            errors.Add(CampaignFields.Tags, "Each tag can be added once.");
        }
    }

    private static void ValidateChannels(CampaignForm form, ValidationErrors errors, bool complete)
    {
        if (complete && form.Channels.Count == 0)
        {
            errors.Add(CampaignFields.Channels, "Add at least one messaging channel.");
        }
        if (form.Channels.Any(c => !Enum.IsDefined(c.Channel)))
        {
            errors.Add(CampaignFields.Channels, "Choose channels from the list.");
        }
        if (form.Channels.Select(c => c.Channel).Distinct().Count() != form.Channels.Count)
        {
            errors.Add(CampaignFields.Channels, "A channel can be added once.");
        }
        if (form.Type == CampaignType.Api)
        {
            if (form.Channels.Any(c => !Ids.IsVariationId(c.MessageVariationId)))
            {
                errors.Add(CampaignFields.Channels, "Every channel needs a message variation ID (a lower-case UUID).");
            }
            else if (form.Channels.Select(c => c.MessageVariationId).Distinct(StringComparer.Ordinal).Count() != form.Channels.Count)
            {
                errors.Add(CampaignFields.Channels, "Every channel needs its own message variation ID.");
            }
        }
    }

    private static void ValidateVariants(CampaignForm form, ValidationErrors errors, bool complete)
    {
        if (complete && form.Variants.Count == 0)
        {
            errors.Add(CampaignFields.Variants, "Add at least one variant.");
        }
        else if (form.Variants.Count > MaxVariants)
        {
            errors.Add(CampaignFields.Variants, $"A campaign has at most {MaxVariants} variants.");
        }

        var total = form.Variants.Sum(v => v.Percentage) + (form.HasControlGroup ? form.ControlPercentage : 0);
        if (form.Variants.Count > 0 && total != 100)
        {
            errors.Add(CampaignFields.Percentages, $"The percentages add up to {total}%; they must add up to exactly 100%.");
        }
        if (form.HasControlGroup)
        {
            if (form.ControlPercentage is < 1 or > 99)
            {
                errors.Add(CampaignFields.ControlPercentage, "The control group takes between 1% and 99%.");
            }
            if (!Ids.IsVariationId(form.ControlVariationId))
            {
                errors.Add(CampaignFields.ControlPercentage, "The control group needs its variation ID.");
            }
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < form.Variants.Count; i++)
        {
            var variant = form.Variants[i];
            if (string.IsNullOrWhiteSpace(variant.Name))
            {
                errors.Add(CampaignFields.Variant(i, "Name"), "Give the variant a name.");
            }
            else if (!names.Add(variant.Name.Trim()))
            {
                errors.Add(CampaignFields.Variant(i, "Name"), "Another variant has this name.");
            }
            if (variant.Percentage is < 0 or > 100)
            {
                errors.Add(CampaignFields.Variant(i, "Percentage"), "A percentage is between 0 and 100.");
            }
            if (!Ids.IsVariationId(variant.VariationId) || !ids.Add(variant.VariationId))
            {
                errors.Add(CampaignFields.Variant(i, "VariationId"), "The variant needs its own variation ID.");
            }
            foreach (var channel in form.Channels.Select(c => c.Channel).Distinct())
            {
                var message = variant.Messages.FirstOrDefault(m => m.Channel == channel);
                ValidateMessage(i, channel, message ?? new MessageContentForm { Channel = channel }, errors, complete);
            }
        }
        if (form.HasControlGroup && form.ControlVariationId is { } controlId && ids.Contains(controlId))
        {
            errors.Add(CampaignFields.ControlPercentage, "The control group needs its own variation ID, not a variant's.");
        }
    }

    private static void ValidateMessage(int variant, Channel channel, MessageContentForm m, ValidationErrors errors, bool complete)
    {
        void Required(string field, string? value, string label)
        {
            if (complete && string.IsNullOrWhiteSpace(value))
            {
                errors.Add(CampaignFields.Message(variant, channel, field), $"{label} is required.");
            }
        }

        switch (channel)
        {
            case Channel.Email:
                Required(nameof(m.From), m.From, "From");
                Required(nameof(m.Subject), m.Subject, "Subject");
                Required(nameof(m.HtmlBody), m.HtmlBody, "HTML body");
                if (!string.IsNullOrWhiteSpace(m.From) && !EmailAddress.IsValidSender(m.From))
                {
                    errors.Add(CampaignFields.Message(variant, channel, nameof(m.From)),
                        "Write the sender as an address or as Name <address@example.com>.");
                }
                if (!string.IsNullOrWhiteSpace(m.ReplyTo) && !EmailAddress.IsValidSender(m.ReplyTo))
                {
                    errors.Add(CampaignFields.Message(variant, channel, nameof(m.ReplyTo)), "Reply-to must be an email address.");
                }
                break;
            case Channel.Sms:
                Required(nameof(m.SmsBody), m.SmsBody, "Body");
                if (!string.IsNullOrWhiteSpace(m.MediaUrl) && !Urls.IsHttp(m.MediaUrl))
                {
                    errors.Add(CampaignFields.Message(variant, channel, nameof(m.MediaUrl)), "The media URL must start with http:// or https://.");
                }
                break;
            case Channel.ApplePush or Channel.AndroidPush or Channel.KindlePush or Channel.WebPush:
                Required(nameof(m.PushBody), m.PushBody, "Body");
                if (channel != Channel.ApplePush)
                {
                    Required(nameof(m.PushTitle), m.PushTitle, "Title");
                }
                break;
            case Channel.Webhook:
                Required(nameof(m.WebhookUrl), m.WebhookUrl, "URL");
                if (!string.IsNullOrWhiteSpace(m.WebhookUrl) && !Urls.IsHttpTemplate(m.WebhookUrl))
                {
                    errors.Add(CampaignFields.Message(variant, channel, nameof(m.WebhookUrl)), "The webhook URL must start with http:// or https://.");
                }
                if (m.WebhookMethod is not ("POST" or "PUT" or "DELETE" or "GET"))
                {
                    errors.Add(CampaignFields.Message(variant, channel, nameof(m.WebhookMethod)), "The method is POST, PUT, DELETE or GET.");
                }
                if (m.WebhookHeaders.Any(h => string.IsNullOrWhiteSpace(h.Name) || h.Name.Any(c => char.IsWhiteSpace(c) || c == ':')))
                {
                    errors.Add(CampaignFields.Message(variant, channel, nameof(m.WebhookHeaders)), "Every header needs a name without spaces or colons.");
                }
                break;
            case Channel.ContentCard:
                Required(nameof(m.CardTitle), m.CardTitle, "Title");
                Required(nameof(m.CardDescription), m.CardDescription, "Description");
                if (complete && m.CardType != ContentCardType.Classic && string.IsNullOrWhiteSpace(m.CardImageUrl))
                {
                    errors.Add(CampaignFields.Message(variant, channel, nameof(m.CardImageUrl)), "This card type needs an image URL.");
                }
                if (!string.IsNullOrWhiteSpace(m.CardImageUrl) && !Urls.IsHttpTemplate(m.CardImageUrl))
                {
                    errors.Add(CampaignFields.Message(variant, channel, nameof(m.CardImageUrl)), "The image URL must start with http:// or https://.");
                }
                break;
        }
    }

    private static void ValidateReeligibility(CampaignForm form, ValidationErrors errors)
    {
        if (!form.ReeligibilityEnabled)
        {
            return;
        }
        if (form.ReeligibilityAmount < 0)
        {
            errors.Add(CampaignFields.Reeligibility, "The re-eligibility window cannot be negative.");
        }
        else if (ReeligibilityInDays(form.ReeligibilityAmount, form.ReeligibilityUnit) > MaxReeligibilityDays)
        {
            errors.Add(CampaignFields.Reeligibility, $"The re-eligibility window is at most {MaxReeligibilityDays} days.");
        }
    }

    /// <summary>The window in days; a month counts as 30 days.</summary>
    public static double ReeligibilityInDays(int amount, ReeligibilityUnit unit) => unit switch
    {
        ReeligibilityUnit.Minutes => amount / 1440.0,
        ReeligibilityUnit.Hours => amount / 24.0,
        ReeligibilityUnit.Days => amount,
        ReeligibilityUnit.Weeks => amount * 7.0,
        ReeligibilityUnit.Months => amount * 30.0,
        _ => double.MaxValue,
    };

    private static void ValidateConversionEvents(CampaignForm form, ValidationErrors errors)
    {
        if (form.ConversionEvents.Count > MaxConversionEvents)
        {
            errors.Add(CampaignFields.ConversionEvents, $"A campaign has at most {MaxConversionEvents} conversion events.");
        }
        var hasEmail = form.Channels.Any(c => c.Channel == Channel.Email);
        for (var i = 0; i < form.ConversionEvents.Count; i++)
        {
            var e = form.ConversionEvents[i];
            if (!Enum.IsDefined(e.Type))
            {
                errors.Add(CampaignFields.ConversionEvent(i, "Type"), "Choose a conversion event type from the list.");
            }
            if (e.Type == ConversionEventType.PerformsCustomEvent && string.IsNullOrWhiteSpace(e.EventName))
            {
                errors.Add(CampaignFields.ConversionEvent(i, "EventName"), "Name the custom event.");
            }
            if (e.Type is ConversionEventType.OpensEmail or ConversionEventType.ClicksEmail && !hasEmail)
            {
                errors.Add(CampaignFields.ConversionEvent(i, "Type"), $"{ChannelInfo.Label(e.Type)} needs an email channel.");
            }
            if (e.Type == ConversionEventType.StartsSession && e.AppIds.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add(CampaignFields.ConversionEvent(i, "AppIds"), "App IDs cannot be empty.");
            }
            if (DeadlineError(e.DeadlineAmount, e.DeadlineUnit) is { } deadlineError)
            {
                errors.Add(CampaignFields.ConversionEvent(i, "Deadline"), deadlineError);
            }
        }
    }

    public static string? DeadlineError(int amount, DeadlineUnit unit)
    {
        if (!Enum.IsDefined(unit))
        {
            return "The deadline is in hours or days.";
        }
        var hours = unit == DeadlineUnit.Days ? (long)amount * 24 : amount;
        return hours is < 1 or > MaxDeadlineHours ? "The deadline is between 1 hour and 30 days." : null;
    }
}

/// <summary>How complete a campaign must be: a draft may be unfinished, a launched campaign may not.</summary>
public enum ValidationLevel
{
    Draft,
    Launch,
}

/// <summary>Lower-case UUID v4 identifiers, as Braze shows them.</summary>
public static class Ids
{
    public static string NewId() => Guid.NewGuid().ToString("D");

    public static bool IsVariationId(string? value) =>
        value is { Length: 36 } && Guid.TryParseExact(value, "D", out _) && value == value.ToLowerInvariant();
}

public static class Urls
{
    public static bool IsHttp(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>An http(s) URL that may hold Liquid: the scheme and host part must be written out.</summary>
    public static bool IsHttpTemplate(string value)
    {
        var v = value.Trim();
        var liquid = v.IndexOfAny(['{']);
        if (liquid < 0)
        {
            return IsHttp(v);
        }
        return (v.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || v.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            && liquid > v.IndexOf("://", StringComparison.Ordinal) + 3;
    }
}

public static class EmailAddress
{
    private static readonly System.Text.RegularExpressions.Regex Address =
        new(@"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$", System.Text.RegularExpressions.RegexOptions.Compiled);
    private static readonly System.Text.RegularExpressions.Regex Named =
        new(@"^[^<>]+<\s*([^@\s<>]+@[^@\s<>]+\.[^@\s<>]+)\s*>$", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Either <c>addr@example.com</c> or <c>Name &lt;addr@example.com&gt;</c>.</summary>
    public static bool IsValidSender(string value)
    {
        var v = value.Trim();
        return Address.IsMatch(v) || Named.IsMatch(v);
    }
}
