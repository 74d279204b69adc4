using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BrazeLite.Core.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as its UTC ticks, which SQLite orders and compares as integers.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
