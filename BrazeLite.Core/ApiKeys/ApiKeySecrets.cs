using System.Security.Cryptography;
using System.Text;

namespace BrazeLite.Core.ApiKeys;

/// <summary>
/// Making and recognising key secrets. A secret is a random UUID, as Braze's REST keys are (122 random bits), and only
/// its SHA-256 is stored: a fast hash is enough for a random secret of that length, and it lets a request's key be
/// found by an index lookup on the hash instead of a comparison against every key.
/// </summary>
public static class ApiKeySecrets
{
    /// <summary>A provisioned secret shorter than this is refused at start: it would be guessable.</summary>
    public const int MinProvisionedLength = 20;

    public static string NewSecret()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true).ToString("D");
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string PrefixOf(string secret) => secret.Length <= ApiKey.PrefixLength ? secret : secret[..ApiKey.PrefixLength];
}
