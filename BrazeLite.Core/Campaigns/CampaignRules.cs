namespace BrazeLite.Core.Campaigns;

/// <summary>
/// The rules every campaign obeys, used by the editor (per field, as the marketer types) and again by the service before
/// anything is written. Name uniqueness needs the database and templates need the engine: the service checks those
/// (<see cref="TemplateRules"/>).
/// </summary>
public static class CampaignRules
{
    /// <summary>
    /// Every problem with the campaign at the given level. A draft may be incomplete (no channel yet, message fields still
    /// empty) but never wrong: limits, formats, percentages and IDs hold at every level.
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
            ValidateSchedule(form, errors);
            ValidateThrottle(form, errors);
        }
        ValidateConversionEvents(form, errors);
        return errors;
    }

    public static string? NameError(string? name) =>
        string.IsNullOrWhiteSpace(name) ? "Give the campaign a name."
        : name.Trim().Length > Campaign.MaxNameLength ? $"Keep the name to {Campaign.MaxNameLength} characters."
        : null;

    private static void ValidateDetails(CampaignForm form, ValidationErrors errors)
    {
        if (NameError(form.Name) is { } nameError)
        {
            errors.Add(CampaignFields.Name, nameError);
        }
        if (form.Description is { Length: > Campaign.MaxDescriptionLength })
        {
            errors.Add(CampaignFields.Description, $"Keep the description to {Campaign.MaxDescriptionLength} characters.");
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
        else if (form.Variants.Count > Campaign.MaxVariants)
        {
            errors.Add(CampaignFields.Variants, $"A campaign has at most {Campaign.MaxVariants} variants.");
        }

        var total = form.Variants.Sum(v => v.Percentage) + (form.HasControlGroup ? form.ControlPercentage : 0);
        if (form.Variants.Count > 0 && total != 100)
        {
            errors.Add(CampaignFields.Percentages, $"The percentages add up to {total}%; they must add up to exactly 100%.");
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
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
            else
            {
                ids.Add(form.ControlVariationId!);
            }
        }

        var channels = form.Channels.Select(c => c.Channel).Distinct().ToList();
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
            foreach (var channel in channels)
            {
                var message = variant.Messages.FirstOrDefault(m => m.Channel == channel);
                if (message is null || !Ids.IsVariationId(message.MessageVariationId) || !ids.Add(message.MessageVariationId!))
                {
                    errors.Add(CampaignFields.Variant(i, "VariationId"),
                        $"The variant's {ChannelInfo.Label(channel)} message needs its own message variation ID (a lower-case UUID).");
                }
                ValidateMessage(i, channel, message ?? new MessageContentForm { Channel = channel }, errors, complete);
            }
        }
    }

    /// <summary>Every field by its catalogue entry (required, format, length), then the rules that span fields.</summary>
    private static void ValidateMessage(int variant, Channel channel, MessageContentForm m, ValidationErrors errors, bool complete)
    {
        foreach (var field in ChannelFields.InDashboard(channel))
        {
            var path = CampaignFields.Message(variant, channel, field);
            var value = m[field];
            if (string.IsNullOrWhiteSpace(value))
            {
                if (complete && field.RequiredAtLaunch)
                {
                    errors.Add(path, $"{field.Label} is required.");
                }
                continue;
            }
            if (!field.HasFormat(value))
            {
                errors.Add(path, field.FormatMessage ?? $"{field.Label} has the wrong format.");
            }
            if (field.MaxLength is { } max && value.Length > max)
            {
                errors.Add(path, $"Keep the {field.Label.ToLowerInvariant()} to {max} characters.");
            }
        }
        switch (channel)
        {
            case Channel.Webhook when m.WebhookHeaders.Any(h => !WebhookFields.IsHeaderName(h.Name)):
                errors.Add(CampaignFields.Message(variant, channel, WebhookFields.HeadersKey), "Every header needs a name without spaces or colons.");
                break;
            case Channel.ContentCard when complete && m[ContentCardFields.Type] != nameof(ContentCardType.Classic)
                                          && string.IsNullOrWhiteSpace(m[ContentCardFields.ImageUrl]):
                errors.Add(CampaignFields.Message(variant, channel, ContentCardFields.ImageUrl), "This card type needs an image URL.");
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
        else if (Reeligibility.InDays(form.ReeligibilityAmount, form.ReeligibilityUnit) > Reeligibility.MaxDays)
        {
            errors.Add(CampaignFields.Reeligibility, $"The re-eligibility window is at most {Reeligibility.MaxDays} days.");
        }
    }

    private static void ValidateThrottle(CampaignForm form, ValidationErrors errors)
    {
        if (form.ThrottlePerSecond is { } rate && rate is < Campaign.MinThrottle or > Campaign.MaxThrottle)
        {
            errors.Add(CampaignFields.Throttle, $"Throttle delivery to {Campaign.MinThrottle} to {Campaign.MaxThrottle:N0} messages per second.");
        }
    }

    private static void ValidateSchedule(CampaignForm form, ValidationErrors errors)
    {
        if (form.StartsAt is { } start && form.EndsAt is { } end && end <= start)
        {
            errors.Add(CampaignFields.Schedule, "The campaign's end must come after its start.");
        }
    }

    private static void ValidateConversionEvents(CampaignForm form, ValidationErrors errors)
    {
        if (form.ConversionEvents.Count > Campaign.MaxConversionEvents)
        {
            errors.Add(CampaignFields.ConversionEvents, $"A campaign has at most {Campaign.MaxConversionEvents} conversion events.");
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
                errors.Add(CampaignFields.ConversionEvent(i, "Type"), $"{ConversionEvent.Label(e.Type)} needs an email channel.");
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
        return hours is < 1 or > ConversionEvent.MaxDeadlineHours ? "The deadline is between 1 hour and 30 days." : null;
    }
}
