namespace BrazeLite.Core.Ingest;

/// <summary>
/// Version 7 UUIDs (RFC 9562: 48 bits of Unix milliseconds, then random bits) for the rows the writer adds. They are
/// identifiers, not secrets: the random bits come from <see cref="Random.Shared"/> (seeded once from the OS) instead of
/// <see cref="Guid.CreateVersion7(DateTimeOffset)"/>'s read of the OS's random source, a system call per ID inside the one
/// writer. 74 random bits per millisecond keep a collision out of reach.
/// </summary>
public static class TimeOrderedIds
{
    public static Guid New(DateTimeOffset at)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        var milliseconds = at.ToUnixTimeMilliseconds();
        for (var i = 5; i >= 0; i--)
        {
            bytes[i] = (byte)milliseconds;
            milliseconds >>= 8;
        }
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F)); // version 7
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F)); // RFC variant
        return new Guid(bytes, bigEndian: true);
    }
}
