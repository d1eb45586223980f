using Surgewatch.Ingestion.Privacy;

namespace Surgewatch.Ingestion.Tests.Privacy;

/// <summary>Ids (of sensors and zones) that name a person's phone, device, vehicle or address, and ids of places that must keep working.</summary>
public partial class PrivacyGuardTest
{
    [Theory]
    [InlineData("0412345678", "a phone number")]
    [InlineData("61412345678", "a phone, device or account number (11 digits)")]
    [InlineData("3520990017614812", "an IMEISV or card number (16 digits)")]
    [InlineData("001122334455", "a MAC address or phone number (12 digits)")]
    [InlineData("192.168.1.23", "an IP address")]
    [InlineData("fe80::1ff:fe23:4567:890a", "an IP address")]
    [InlineData("ABC123", "a vehicle number plate")]
    [InlineData("1ABC234", "a vehicle number plate")]
    [InlineData("XYZ-789", "a vehicle number plate")]
    public void IsPersonalIdentifierValue_ProbedId_IsRefusedWithWhatItLooksLike(string value, string what)
    {
        PrivacyGuard.IsPersonalIdentifierValue(value, out var reason).Should().BeTrue();
        reason.Should().StartWith($"'{value}' looks like {what}, a personal identifier; Surgewatch accepts only anonymous aggregate counts");
    }

    [Theory]
    [InlineData("mac:00:1a:2b:3c:4d:5e")]
    [InlineData("imei-352099001761481")]
    [InlineData("IMEI-352099001761481")]
    [InlineData("Mac-001A2B3C4D5E")]
    [InlineData("imsi:505013456789012")]
    [InlineData("tel:0412345678")]
    [InlineData("TEL:+61412345678")]
    [InlineData("phone=0412345678")]
    [InlineData("ip-10.0.0.1")]
    [InlineData("plate-abc123")]
    [InlineData("mailto:someone@example.org")]
    public void IsPersonalIdentifierValue_LabelledIdentifier_IsRefused(string value)
    {
        PrivacyGuard.IsPersonalIdentifierValue(value, out var reason).Should().BeTrue();
        reason.Should().Contain("a personal identifier").And.Contain(PrivacyGuard.Policy);
    }

    [Theory]
    [InlineData("+61 412 345 678")]
    [InlineData("(03) 9123 4567")]
    [InlineData("0061412345678")]
    [InlineData("0412-345-678")]
    [InlineData("04 1234 5678")]
    [InlineData("123456789")]
    [InlineData("00-1A-2B-3C-4D-5E")]
    [InlineData("00:1A:2B:3C:4D:5E")]
    [InlineData("10.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("192.168.1.23:8080")]
    [InlineData("::ffff:192.168.1.23")]
    [InlineData("2001:db8::8a2e:370:7334")]
    [InlineData("gw-192.168.1.23")]
    [InlineData("dev-352099001761481")]
    [InlineData("counter_0412345678")]
    [InlineData("ABC-1234")]
    [InlineData("AB12CDE")]
    [InlineData("123-ABC")]
    public void IsPersonalIdentifierValue_NeighbourOfAProbe_IsRefused(string value)
    {
        PrivacyGuard.IsPersonalIdentifierValue(value, out var reason).Should().BeTrue();
        reason.Should().Contain(PrivacyGuard.Policy);
    }

    [Theory]
    [InlineData("87")]
    [InlineData("12345678")]
    [InlineData("riverside-in")]
    [InlineData("cell-4411")]
    [InlineData("mall-out")]
    [InlineData("arena-plaza")]
    [InlineData("arena-plaza-occ")]
    [InlineData("syn-001")]
    [InlineData("2014-01-31")]
    [InlineData("31.01.2014")]
    [InlineData("1.2.3")]
    [InlineData("256.1.1.1")]
    [InlineData("01.02.03.04")]
    [InlineData("a::b")]
    [InlineData("13:00:00")]
    [InlineData("phone-booth-3")]
    [InlineData("ip-a")]
    [InlineData("deadbeefcafe")]
    [InlineData("LOOP12")]
    [InlineData("Gate3")]
    [InlineData("RWS01_MONIBAS_0021hrl0403ra")]
    public void IsPersonalIdentifierValue_PlaceIdOfAnotherShape_IsAccepted(string value)
    {
        PrivacyGuard.IsPersonalIdentifierValue(value, out var reason).Should().BeFalse(reason);
    }

    [Fact]
    public void IsPersonalIdentifierValue_EveryMelbourneAndSixDigitId_IsAccepted()
    {
        var ids = Enumerable.Range(1, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Concat(["773869", "767541", "717447", "100000", "999999", "1234567"]);

        ids.Where(id => PrivacyGuard.IsPersonalIdentifierValue(id, out _)).Should().BeEmpty();
    }
}
