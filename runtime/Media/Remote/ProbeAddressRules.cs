using System.Net;
using System.Net.Sockets;

namespace RunComfy.Media.Remote;

/// <summary>
/// Which IP addresses a probe may connect to: public unicast addresses always; loopback only when the media was
/// opted in for local tests; private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10),
/// cloud metadata (169.254.169.254, fd00:ec2::254), unspecified, CGNAT (100.64/10), multicast and reserved
/// addresses only when <see cref="MediaValidationOptions.AllowPrivateAddresses"/> is set. IPv4 addresses inside
/// IPv6 (mapped, NAT64, 6to4) are judged as the IPv4 address they carry.
/// </summary>
internal static class ProbeAddressRules
{
    private static readonly IPAddress AwsMetadataV6 = IPAddress.Parse("fd00:ec2::254");

    /// <summary>Why <paramref name="address"/> is refused under <paramref name="policy"/> ("a link-local address"), or null when allowed.</summary>
    public static string? Refusal(IPAddress address, ProbeAddressPolicy policy)
    {
        var kind = Classify(address);
        return kind switch
        {
            null => null,
            AddressKind.Loopback when policy.AllowLoopback => null,
            _ when kind != AddressKind.Loopback && policy.AllowPrivateAddresses => null,
            _ => Describe(kind.Value),
        };
    }

    private static AddressKind? Classify(IPAddress address)
    {
        if (EmbeddedIPv4(address) is { } v4)
        {
            address = v4;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => AddressKind.Reserved,
        };
    }

    private static AddressKind? ClassifyV4(byte[] b) => b switch
    {
        [169, 254, 169, 254] => AddressKind.Metadata,
        [127, ..] => AddressKind.Loopback,
        [0, ..] => AddressKind.Unspecified,
        [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] => AddressKind.Private,
        [169, 254, ..] => AddressKind.LinkLocal,
        [100, >= 64 and <= 127, ..] => AddressKind.SharedCgnat,
        [>= 224, ..] => AddressKind.Reserved,
        _ => null,
    };

    private static AddressKind? ClassifyV6(IPAddress address)
    {
        if (address.Equals(AwsMetadataV6))
        {
            return AddressKind.Metadata;
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return AddressKind.Loopback;
        }

        if (address.Equals(IPAddress.IPv6Any))
        {
            return AddressKind.Unspecified;
        }

        var b = address.GetAddressBytes();
        return b switch
        {
            [0xFF, ..] => AddressKind.Reserved,
            [0xFE, >= 0x80 and <= 0xBF, ..] => AddressKind.LinkLocal,
            [0xFE, >= 0xC0, ..] => AddressKind.Private,
            [>= 0xFC and <= 0xFD, ..] => AddressKind.Private,
            _ => null,
        };
    }

    /// <summary>The IPv4 address an IPv6 address carries: mapped (::ffff:a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002::/16).</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var b = address.GetAddressBytes();
        if (b is [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0, ..])
        {
            return new IPAddress(b.AsSpan(12, 4));
        }

        return b is [0x20, 0x02, ..] ? new IPAddress(b.AsSpan(2, 4)) : null;
    }

    private static string Describe(AddressKind kind) => kind switch
    {
        AddressKind.Loopback => "a loopback address",
        AddressKind.Metadata => "a cloud metadata address",
        AddressKind.Private => "a private address",
        AddressKind.LinkLocal => "a link-local address",
        AddressKind.SharedCgnat => "a shared (CGNAT) address",
        AddressKind.Unspecified => "an unspecified address",
        _ => "a multicast or reserved address",
    };

    private enum AddressKind
    {
        Loopback,
        Metadata,
        Private,
        LinkLocal,
        SharedCgnat,
        Unspecified,
        Reserved,
    }
}
