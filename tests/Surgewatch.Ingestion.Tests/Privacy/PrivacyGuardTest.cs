using Surgewatch.Ingestion.Privacy;

namespace Surgewatch.Ingestion.Tests.Privacy;

public partial class PrivacyGuardTest
{
    [Theory]
    [InlineData("face", "a face")]
    [InlineData("face_crop", "a face")]
    [InlineData("image", "an image")]
    [InlineData("img_url", "an image")]
    [InlineData("photo", "an image")]
    [InlineData("pictureId", "an image")]
    [InlineData("video", "video")]
    [InlineData("frame", "video")]
    [InlineData("name", "a person's name")]
    [InlineData("first_name", "a person's name")]
    [InlineData("lastName", "a person's name")]
    [InlineData("Full Name", "a person's name")]
    [InlineData("firstname", "a person's name")]
    [InlineData("person_id", "a person identifier")]
    [InlineData("peopleId", "a person identifier")]
    [InlineData("phone", "a phone number")]
    [InlineData("phoneNumber", "a phone number")]
    [InlineData("msisdn", "a phone number")]
    [InlineData("mobile_number", "a phone number")]
    [InlineData("email", "an e-mail address")]
    [InlineData("e-mail", "an e-mail address")]
    [InlineData("E_Mail", "an e-mail address")]
    [InlineData("plate", "a vehicle identifier")]
    [InlineData("licence_plate", "a vehicle identifier")]
    [InlineData("license_plate", "a vehicle identifier")]
    [InlineData("licensePlate", "a vehicle identifier")]
    [InlineData("VIN", "a vehicle identifier")]
    [InlineData("imei", "a phone or SIM identifier")]
    [InlineData("IMSI", "a phone or SIM identifier")]
    [InlineData("iccid", "a phone or SIM identifier")]
    [InlineData("mac", "a MAC address")]
    [InlineData("mac_address", "a MAC address")]
    [InlineData("MACAddress", "a MAC address")]
    [InlineData("bssid", "a MAC address")]
    [InlineData("device_id", "a device identifier")]
    [InlineData("deviceid", "a device identifier")]
    [InlineData("deviceId", "a device identifier")]
    [InlineData("Device-ID", "a device identifier")]
    [InlineData("device", "a device identifier")]
    [InlineData("ip", "an IP address")]
    [InlineData("ip_address", "an IP address")]
    [InlineData("IPAddress", "an IP address")]
    [InlineData("id_number", "an identity document number")]
    [InlineData("passport", "an identity document number")]
    [InlineData("ssn", "an identity document number")]
    [InlineData("national_id", "an identity document number")]
    [InlineData("embedding", "a biometric feature")]
    [InlineData("feature_vector", "a biometric feature")]
    [InlineData("track", "a per-person track")]
    [InlineData("track_id", "a per-person track")]
    [InlineData("trajectory", "a per-person track")]
    [InlineData("user", "a user or customer identifier")]
    [InlineData("user_id", "a user or customer identifier")]
    [InlineData("userId", "a user or customer identifier")]
    [InlineData("customer", "a user or customer identifier")]
    public void IsIdentifierLikeFieldName_IdentifierField_IsRefusedWithWhatItIdentifies(string name, string what)
    {
        PrivacyGuard.IsIdentifierLikeFieldName(name, out var reason).Should().BeTrue();
        reason.Should().Be($"looks like a personal identifier ({what}); Surgewatch accepts only anonymous aggregate counts");
    }

    [Theory]
    [InlineData("sensor_id")]
    [InlineData("sensorId")]
    [InlineData("SensorID")]
    [InlineData("timestamp")]
    [InlineData("value")]
    [InlineData("count")]
    [InlineData("latitude")]
    [InlineData("longitude")]
    [InlineData("index")]
    [InlineData("sensor_name")]
    [InlineData("station name")]
    [InlineData("device_count")]
    [InlineData("people_count")]
    [InlineData("number_of_people")]
    [InlineData("timeframe")]
    [InlineData("direction")]
    [InlineData("id")]
    [InlineData("")]
    public void IsIdentifierLikeFieldName_AnonymousField_IsAccepted(string name)
    {
        PrivacyGuard.IsIdentifierLikeFieldName(name, out var reason).Should().BeFalse();
        reason.Should().BeNull();
    }

    [Theory]
    [InlineData("00:1a:2b:3c:4d:5e", "a MAC address")]
    [InlineData("00-1A-2B-3C-4D-5E", "a MAC address")]
    [InlineData("001a.2b3c.4d5e", "a MAC address")]
    [InlineData("001A2B3C4D5E", "a MAC address")]
    [InlineData("356938035643809", "an IMEI or IMSI (15 digits)")]
    [InlineData("35-693803-564380-9", "an IMEI or IMSI (15 digits)")]
    [InlineData("8961012345678901234", "a SIM card number (ICCID)")]
    [InlineData("+61412345678", "a phone number")]
    [InlineData("+1 (555) 010-9999", "a phone number")]
    [InlineData("someone@example.org", "an e-mail address")]
    public void IsPersonalIdentifierValue_DeviceOrContactIdentifier_IsRefused(string value, string what)
    {
        PrivacyGuard.IsPersonalIdentifierValue(value, out var reason).Should().BeTrue();
        reason.Should().StartWith($"'{value}' looks like {what}, a personal identifier; Surgewatch accepts only anonymous aggregate counts");
    }

    [Theory]
    [InlineData("imei")]
    [InlineData("user_id")]
    [InlineData("deviceId")]
    public void IsPersonalIdentifierValue_IdentifierFieldNameAsId_IsRefused(string value)
    {
        PrivacyGuard.IsPersonalIdentifierValue(value, out var reason).Should().BeTrue();
        reason.Should().Contain("names a personal identifier");
    }

    [Theory]
    [InlineData("1")]
    [InlineData("39")]
    [InlineData("773869")]
    [InlineData("syd-001")]
    [InlineData("melb:cbd.3")]
    [InlineData("+123")]
    [InlineData("track-3")]
    [InlineData("cafe")]
    [InlineData("a@b")]
    public void IsPersonalIdentifierValue_PlaceId_IsAccepted(string value)
    {
        PrivacyGuard.IsPersonalIdentifierValue(value, out var reason).Should().BeFalse();
        reason.Should().BeNull();
    }
}
