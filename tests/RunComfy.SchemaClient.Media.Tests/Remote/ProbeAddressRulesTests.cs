using System.Net;
using RunComfy.Media.Remote;

namespace RunComfy.SchemaClient.Media.Tests.Remote;

public sealed class ProbeAddressRulesTests
{
    private static readonly ProbeAddressPolicy Strict = new(AllowLoopback: false, AllowPrivateAddresses: false);

    [Theory]
    [InlineData("10.0.0.1", "a private address")]
    [InlineData("10.255.255.255", "a private address")]
    [InlineData("172.16.0.1", "a private address")]
    [InlineData("172.31.255.254", "a private address")]
    [InlineData("192.168.1.1", "a private address")]
    [InlineData("169.254.0.1", "a link-local address")]
    [InlineData("169.254.169.254", "a cloud metadata address")]
    [InlineData("100.64.0.1", "a shared (CGNAT) address")]
    [InlineData("100.127.255.255", "a shared (CGNAT) address")]
    [InlineData("0.0.0.0", "an unspecified address")]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("127.8.9.10", "a loopback address")]
    [InlineData("224.0.0.1", "a multicast or reserved address")]
    [InlineData("255.255.255.255", "a multicast or reserved address")]
    [InlineData("::", "an unspecified address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("fc00::1", "a private address")]
    [InlineData("fdff:ffff::1", "a private address")]
    [InlineData("fd00:ec2::254", "a cloud metadata address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("febf::1", "a link-local address")]
    [InlineData("ff02::1", "a multicast or reserved address")]
    [InlineData("::ffff:10.1.1.1", "a private address")]
    [InlineData("::ffff:169.254.169.254", "a cloud metadata address")]
    [InlineData("64:ff9b::a9fe:a9fe", "a cloud metadata address")]
    [InlineData("2002:c0a8:0101::1", "a private address")]
    public void Refuses_addresses_that_are_not_public_unicast(string address, string reason)
    {
        ProbeAddressRules.Refusal(IPAddress.Parse(address), Strict).ShouldBe(reason);
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.15.255.255")]
    [InlineData("172.32.0.1")]
    [InlineData("100.63.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("169.253.1.1")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    [InlineData("fbff::1")]
    [InlineData("::ffff:8.8.8.8")]
    public void Allows_public_addresses(string address)
    {
        ProbeAddressRules.Refusal(IPAddress.Parse(address), Strict).ShouldBeNull();
    }

    [Theory]
    [InlineData("127.0.0.1", true, false, null)]
    [InlineData("::1", true, false, null)]
    [InlineData("10.0.0.1", true, false, "a private address")]
    [InlineData("10.0.0.1", true, true, null)]
    [InlineData("169.254.169.254", true, true, null)]
    [InlineData("127.0.0.1", false, false, "a loopback address")]
    public void The_opt_ins_allow_what_they_name(string address, bool loopback, bool privateAddresses, string? expected)
    {
        ProbeAddressRules.Refusal(IPAddress.Parse(address), new ProbeAddressPolicy(loopback, privateAddresses)).ShouldBe(expected);
    }
}
