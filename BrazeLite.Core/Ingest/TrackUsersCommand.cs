using BrazeLite.Core.Users;
using BrazeLite.Core.Users.Storage;

namespace BrazeLite.Core.Ingest;

/// <summary>
/// Applies a <c>/users/track</c> request inside the writer: attributes first, then events, then purchases, each object
/// finding (or creating) its user; an object whose user cannot be found is reported and the rest still applies.
/// </summary>
public sealed class TrackUsersCommand(TrackUsersRequest request) : IIngestCommand<TrackUsersAnswer>
{
    public TrackUsersAnswer Execute(IngestSession session)
    {
        var store = session.Store;
        var now = session.Now;
        var errors = new List<TrackError>(request.Errors);
        int attributes = 0, events = 0, purchases = 0;

        foreach (var item in request.Attributes)
        {
            var user = Find(store, item.Target, now, "attributes", errors);
            if (user is null)
            {
                continue;
            }
            foreach (var problem in AttributeUpdate.Apply(user, item.Attributes))
            {
                errors.Add(new TrackError(problem, "attributes", item.Target.Index));
            }
            user.UpdatedAt = now;
            store.SaveUser(user);
            attributes++;
        }
        foreach (var item in request.Events)
        {
            if (Find(store, item.Target, now, "events", errors) is not { } user)
            {
                continue;
            }
            store.AddEvent(new UserEventEntity
            {
                UserRowId = user.RowId,
                Name = item.Name,
                Time = item.Time > now ? now : item.Time,
                AppId = item.AppId,
                Properties = Json.Write(item.Properties),
                ReceivedAt = now,
            });
            events++;
        }
        foreach (var item in request.Purchases)
        {
            if (Find(store, item.Target, now, "purchases", errors) is not { } user)
            {
                continue;
            }
            store.AddPurchase(new UserPurchaseEntity
            {
                UserRowId = user.RowId,
                ProductId = item.ProductId,
                Currency = item.Currency,
                Price = item.Price,
                Quantity = item.Quantity,
                Time = item.Time > now ? now : item.Time,
                Properties = Json.Write(item.Properties),
                ReceivedAt = now,
            });
            purchases++;
        }
        return new TrackUsersAnswer(
            request.HasAttributes ? attributes : null,
            request.HasEvents ? events : null,
            request.HasPurchases ? purchases : null,
            "success",
            errors.Count > 0 ? errors.OrderBy(e => e.InputArray switch { "attributes" => 0, "events" => 1, _ => 2 }).ThenBy(e => e.Index).ToList() : null);
    }

    private static UserProfile? Find(IIngestStore store, TrackTarget target, DateTimeOffset now, string array, List<TrackError> errors)
    {
        if (store.FindUser(target.Key) is { } found)
        {
            return found;
        }
        if (!target.Create)
        {
            errors.Add(new TrackError($"no user has {target.Key}, and this object may not create one", array, target.Index));
            return null;
        }
        var user = UserResolution.New(target.Key, now);
        store.SaveUser(user);
        return user;
    }
}
