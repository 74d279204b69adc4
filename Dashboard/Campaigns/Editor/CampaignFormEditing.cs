namespace Dashboard.Campaigns.Editor;

/// <summary>
/// The edits the campaign editor makes to a <see cref="CampaignForm"/>, kept apart from the components so the
/// rules (one entry per channel, new IDs on re-adding, at most eight variants, at most four conversion events)
/// live in one place.
/// </summary>
public static class CampaignFormEditing
{
    public static CampaignForm NewForm(CampaignType type)
    {
        var form = new CampaignForm { Type = type };
        if (type == CampaignType.ApiTriggered)
        {
            form.Variants.Add(new VariantForm { Name = "Variant 1", Percentage = 100 });
        }
        return form;
    }

    public static IReadOnlyList<Channel> AvailableChannels(CampaignForm form) =>
        ChannelInfo.All.Where(c => form.Channels.All(added => added.Channel != c)).ToList();

    public static bool HasChannel(CampaignForm form, Channel channel) => form.Channels.Any(c => c.Channel == channel);

    /// <summary>Adds a channel once; an API campaign's channel gets a fresh message variation ID.</summary>
    public static bool AddChannel(CampaignForm form, Channel channel)
    {
        if (HasChannel(form, channel))
        {
            return false;
        }
        form.Channels.Add(new ChannelForm
        {
            Channel = channel,
            MessageVariationId = form.Type == CampaignType.Api ? Ids.NewId() : null,
        });
        foreach (var variant in form.Variants)
        {
            MessageFor(variant, channel);
        }
        return true;
    }

    public static void RemoveChannel(CampaignForm form, Channel channel)
    {
        form.Channels.RemoveAll(c => c.Channel == channel);
        foreach (var variant in form.Variants)
        {
            variant.Messages.RemoveAll(m => m.Channel == channel);
        }
    }

    /// <summary>The variant's copy for a channel, created empty (with its own message variation ID) when missing.</summary>
    public static MessageContentForm MessageFor(VariantForm variant, Channel channel)
    {
        var message = variant.Messages.FirstOrDefault(m => m.Channel == channel);
        if (message is null)
        {
            message = new MessageContentForm { Channel = channel, MessageVariationId = Ids.NewId() };
            variant.Messages.Add(message);
        }
        message.MessageVariationId ??= Ids.NewId();
        return message;
    }

    public static bool CanAddVariant(CampaignForm form) => form.Variants.Count < Campaign.MaxVariants;

    /// <summary>
    /// Whether a later variant still has exactly the first variant's copy in every channel (as a new variant starts),
    /// so the test would compare a message with itself. False for the first variant and while the first has no copy.
    /// </summary>
    public static bool HasFirstVariantsCopy(CampaignForm form, VariantForm variant)
    {
        if (form.Variants.Count < 2 || ReferenceEquals(form.Variants[0], variant) || form.Channels.Count == 0)
        {
            return false;
        }
        var first = form.Variants[0];
        var anyCopy = false;
        foreach (var channel in form.Channels)
        {
            var original = first.Messages.FirstOrDefault(m => m.Channel == channel.Channel);
            var copy = variant.Messages.FirstOrDefault(m => m.Channel == channel.Channel);
            if (original is null || copy is null)
            {
                return false;
            }
            var values = original.Values.Where(v => !string.IsNullOrEmpty(v.Value)).ToList();
            anyCopy |= values.Count > 0;
            if (values.Count != copy.Values.Count(v => !string.IsNullOrEmpty(v.Value))
                || values.Any(v => copy.Values.GetValueOrDefault(v.Key) != v.Value)
                || !original.WebhookHeaders.Select(h => (h.Name, h.Value)).SequenceEqual(copy.WebhookHeaders.Select(h => (h.Name, h.Value))))
            {
                return false;
            }
        }
        return anyCopy;
    }

    /// <summary>
    /// Adds a variant with 0% and a copy of the first variant's messages, so the marketer edits a difference
    /// rather than starting from blank fields.
    /// </summary>
    public static VariantForm? AddVariant(CampaignForm form)
    {
        if (!CanAddVariant(form))
        {
            return null;
        }
        var number = form.Variants.Count + 1;
        while (form.Variants.Any(v => string.Equals(v.Name.Trim(), $"Variant {number}", StringComparison.OrdinalIgnoreCase)))
        {
            number++;
        }
        var variant = new VariantForm { Name = $"Variant {number}", Percentage = 0 };
        var first = form.Variants.FirstOrDefault();
        foreach (var channel in form.Channels)
        {
            var source = first?.Messages.FirstOrDefault(m => m.Channel == channel.Channel);
            variant.Messages.Add(source is null
                ? new MessageContentForm { Channel = channel.Channel, MessageVariationId = Ids.NewId() }
                : CampaignForms.Copy(source, Ids.NewId()));
        }
        form.Variants.Add(variant);
        return variant;
    }

    public static void RemoveVariant(CampaignForm form, VariantForm variant)
    {
        if (form.Variants.Count > 1)
        {
            form.Variants.Remove(variant);
        }
    }

    public static int TotalPercentage(CampaignForm form) =>
        form.Variants.Sum(v => v.Percentage) + (form.HasControlGroup ? form.ControlPercentage : 0);

    /// <summary>Splits 100% evenly over the variants and the control group; the first groups take the remainder.</summary>
    public static void EvenSplit(CampaignForm form)
    {
        var groups = form.Variants.Count + (form.HasControlGroup ? 1 : 0);
        if (groups == 0)
        {
            return;
        }
        var share = 100 / groups;
        var remainder = 100 % groups;
        for (var i = 0; i < form.Variants.Count; i++)
        {
            form.Variants[i].Percentage = share + (i < remainder ? 1 : 0);
        }
        if (form.HasControlGroup)
        {
            form.ControlPercentage = share + (form.Variants.Count < remainder ? 1 : 0);
        }
    }

    /// <summary>Turning the control group on mints its ID once; turning it off and on again keeps that ID.</summary>
    public static void SetControlGroup(CampaignForm form, bool on)
    {
        form.HasControlGroup = on;
        if (on)
        {
            form.ControlVariationId ??= Ids.NewId();
            if (form.ControlPercentage == 0)
            {
                form.ControlPercentage = 10;
            }
        }
    }

    /// <summary>Transactional messages go out on every trigger, so choosing Transactional sets re-eligibility to 0 minutes.</summary>
    public static void SetMessageType(CampaignForm form, MessageType type)
    {
        if (form.MessageType == type)
        {
            return;
        }
        form.MessageType = type;
        if (type == MessageType.Transactional)
        {
            form.ReeligibilityEnabled = true;
            form.ReeligibilityAmount = 0;
            form.ReeligibilityUnit = ReeligibilityUnit.Minutes;
        }
        else if (form is { ReeligibilityEnabled: true, ReeligibilityAmount: 0, ReeligibilityUnit: ReeligibilityUnit.Minutes })
        {
            form.ReeligibilityEnabled = false;
        }
    }

    /// <summary>The split as it matters to a running experiment: which groups get which share.</summary>
    public static string SplitKey(CampaignForm form) =>
        string.Join(";", form.Variants.Select((v, i) => $"{i}={v.Percentage}"))
        + (form.HasControlGroup ? $";control={form.ControlPercentage}" : "");

    public static bool HasEmail(CampaignForm form) => HasChannel(form, Channel.Email);

    /// <summary>The conversion event types the campaign may use: the email ones only with an email channel.</summary>
    public static IReadOnlyList<ConversionEventType> OfferedEventTypes(CampaignForm form) =>
        Enum.GetValues<ConversionEventType>()
            .Where(t => HasEmail(form) || t is not (ConversionEventType.OpensEmail or ConversionEventType.ClicksEmail))
            .ToList();

    public static bool CanAddConversionEvent(CampaignForm form) =>
        form.ConversionEvents.Count < Campaign.MaxConversionEvents;

    public static ConversionEventForm? AddConversionEvent(CampaignForm form)
    {
        if (!CanAddConversionEvent(form))
        {
            return null;
        }
        var conversionEvent = new ConversionEventForm { Type = ConversionEventType.StartsSession };
        form.ConversionEvents.Add(conversionEvent);
        return conversionEvent;
    }

    public static void MoveConversionEvent(CampaignForm form, int index, int offset)
    {
        var target = index + offset;
        if (index < 0 || index >= form.ConversionEvents.Count || target < 0 || target >= form.ConversionEvents.Count)
        {
            return;
        }
        (form.ConversionEvents[index], form.ConversionEvents[target]) = (form.ConversionEvents[target], form.ConversionEvents[index]);
    }
}
