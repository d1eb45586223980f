using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Surgewatch.Ingestion.Privacy;

namespace Surgewatch.Ingestion.Tests.Privacy;

/// <summary>Free text (zone names, comments, notes, key names): identifiers inside a sentence, and ordinary operator text.</summary>
public partial class PrivacyGuardTest
{
    [Theory]
    [InlineData("call me on 0412 345 678 after the show", "a phone number")]
    [InlineData("ring +61 412 345 678", "a phone number")]
    [InlineData("office (03) 9123 4567", "a phone number")]
    [InlineData("+61 (0)3 9123 4567", "a phone number")]
    [InlineData("0061412345678 is the supervisor", "a phone number")]
    [InlineData("the 06 12 34 56 78 number", "a phone number")]
    [InlineData("ph:0412 345 678", "a phone number")]
    [InlineData("call 1800 123 456", "a phone number")]
    [InlineData("phone=0412345678", "a phone number")]
    [InlineData("tel:+61412345678", "a phone number")]
    [InlineData("ask ops.lead@venue.example.", "an e-mail address")]
    [InlineData("device 00-1A-2B-3C-4D-5E seen twice", "a MAC address")]
    [InlineData("beacon 001a2b3c4d5e", "a MAC address")]
    [InlineData("imsi:505013456789012", "an IMEI or IMSI (15 digits)")]
    [InlineData("IMEI 352099001761481 reported", "an IMEI or IMSI (15 digits)")]
    [InlineData("ref 123456789", "a phone, device or account number (9 digits)")]
    [InlineData("from 192.168.1.23 again", "an IP address")]
    [InlineData("gw=10.0.0.1/24", "an IP address")]
    [InlineData("host fe80::1ff:fe23:4567:890a", "an IP address")]
    [InlineData("see https://10.1.2.3/cam", "an IP address")]
    [InlineData("licence plate ABC123 towed", "a vehicle number plate")]
    [InlineData("rego: 1abc234", "a vehicle number plate")]
    public void ContainsPersonalIdentifier_IdentifierInASentence_IsRefusedWithWhatItLooksLike(string text, string what)
    {
        PrivacyGuard.ContainsPersonalIdentifier(text, out var reason).Should().BeTrue();
        reason.Should().StartWith($"contains what looks like {what} (at character ").And.Contain(PrivacyGuard.Policy);
    }

    [Fact]
    public void ContainsPersonalIdentifier_Refused_ReasonDoesNotRepeatTheValue()
    {
        PrivacyGuard.ContainsPersonalIdentifier("owner on 0412 345 678", out var reason).Should().BeTrue();

        reason.Should().Contain("at character 10").And.NotContain("0412").And.NotContain("678");
    }

    [Theory]
    [InlineData("from 2014-01-31 13:00 until 01-02-2014 14:30")]
    [InlineData("gate 3")]
    [InlineData("event ABC on level 2")]
    [InlineData("2,143 people")]
    [InlineData("12 000 expected, 2 143 so far")]
    [InlineData("Bourke Street Mall (North)")]
    [InlineData("ABC123 shuttle stop")]
    [InlineData("densities 0.5 0.7 0.9 1.2 3.4")]
    [InlineData("open 09:00-17:30, re-check at 31/01/2014 18:45:00")]
    [InlineData("window 2014-01-31T13:00:00Z to 2014-01-31T15:00:00+11:00")]
    [InlineData("on 31.01.2014 at 13.00, then 1.2.2014")]
    [InlineData("cell 4411 and cell 4412")]
    [InlineData("call 3 stewards to gate 5")]
    [InlineData("call 000 if needed")]
    [InlineData("version 10.0.400 (build 1234)")]
    [InlineData("silenced for 1 h on the dashboard")]
    [InlineData("stewards sent")]
    [InlineData("a@b")]
    [InlineData("capacity 0 until 08:00")]
    [InlineData("closed 2012-03-01..04, see arXiv 1811.05320")]
    [InlineData("dashboard on http://127.0.0.1:5080 and [::1]:5080")]
    [InlineData("")]
    public void ContainsPersonalIdentifier_OrdinaryOperatorText_IsAccepted(string text)
    {
        PrivacyGuard.ContainsPersonalIdentifier(text, out var reason).Should().BeFalse(reason);
        reason.Should().BeNull();
    }

    [Property(MaxTest = 500)]
    public Property ContainsPersonalIdentifier_DatesTimesAndSmallNumbersInText_AreAccepted() =>
        Prop.ForAll(Arb.From(OperatorSentence), text => !PrivacyGuard.ContainsPersonalIdentifier(text, out _));

    /// <summary>Words, each followed by a date, a time, both, or a number below 100 000, as an operator writes them.</summary>
    private static Gen<string> OperatorSentence =>
        from parts in (from word in Gen.Elements("from", "until", "gate", "level", "event", "people", "at", "on", "zone", "expected", "-", "(", "Gate")
                       from value in OperatorValue
                       select $"{word} {value}").ListOf()
        select string.Join(" ", parts);

    private static Gen<string> OperatorValue =>
        from date in Gen.Choose(0, 365 * 40).Select(d => new DateTime(2000, 1, 1).AddDays(d))
        from time in Gen.Choose(0, (24 * 3600) - 1).Select(s => TimeSpan.FromSeconds(s))
        from number in Gen.Choose(0, 99_999)
        from style in Gen.Choose(0, 11)
        select style switch
        {
            0 => date.ToString("yyyy-MM-dd", Invariant),
            1 => date.ToString("dd-MM-yyyy", Invariant),
            2 => date.ToString("dd/MM/yyyy", Invariant),
            3 => date.ToString("d.M.yyyy", Invariant),
            4 => time.ToString(@"hh\:mm", Invariant),
            5 => time.ToString(@"hh\:mm\:ss", Invariant),
            6 => $"{date.ToString("yyyy-MM-dd", Invariant)} {time.ToString(@"hh\:mm", Invariant)}",
            7 => $"{date.ToString("dd-MM-yyyy", Invariant)} {time.ToString(@"hh\:mm", Invariant)}",
            8 => number.ToString("N0", Invariant),
            9 => number.ToString("D5", Invariant),
            10 => (number / 100.0).ToString("0.##", Invariant),
            _ => (date + time).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", Invariant),
        };

    private static System.Globalization.CultureInfo Invariant => System.Globalization.CultureInfo.InvariantCulture;
}
