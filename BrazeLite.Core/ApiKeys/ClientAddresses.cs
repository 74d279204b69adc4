using System.Net;

namespace BrazeLite.Core.ApiKeys;

/// <summary>A key's allow-list of client addresses: single addresses and CIDR ranges, IPv4 and IPv6.</summary>
public static class ClientAddresses
{
    /// <summary>The entries of an allow-list as typed (one per line or comma-separated), trimmed, blanks dropped.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split(['\n', '\r', ',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Parses an entry: an address becomes a range of one (/32 or /128).</summary>
    public static bool TryParse(string entry, out IPNetwork network)
    {
        if (entry.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(entry, out network);
        }
        if (IPAddress.TryParse(entry, out var address))
        {
            address = Normalize(address);
            network = new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }
        network = default;
        return false;
    }

    /// <summary>Whether <paramref name="address"/> falls in any entry; an empty list allows every address.</summary>
    public static bool Allows(IReadOnlyList<IPNetwork> allowList, IPAddress? address)
    {
        if (allowList.Count == 0)
        {
            return true;
        }
        if (address is null)
        {
            return false;
        }
        address = Normalize(address);
        foreach (var network in allowList)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }
        return false;
    }

    // Kestrel reports IPv4 clients of a dual-stack socket as ::ffff:a.b.c.d.
    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
