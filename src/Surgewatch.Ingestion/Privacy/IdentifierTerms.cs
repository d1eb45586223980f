namespace Surgewatch.Ingestion.Privacy;

/// <summary>The words that mark a field as carrying personal data, each with what it would identify.</summary>
internal static class IdentifierTerms
{
    private static readonly Dictionary<string, string> Terms = Build(
        ("a face", ["face", "faces", "facial", "faceprint"]),
        ("an image", ["image", "images", "img", "imgs", "photo", "photos", "picture", "pictures", "pic", "pics", "snapshot", "thumbnail"]),
        ("video", ["video", "videos", "frame", "frames", "footage"]),
        ("a person's name", ["name", "names", "firstname", "lastname", "surname", "fullname", "givenname", "familyname", "forename", "username"]),
        ("a person identifier", ["person", "persons", "people", "personal", "personid", "peopleid"]),
        ("a phone number", ["phone", "phones", "telephone", "msisdn", "mobile", "cellphone", "phonenumber", "mobilenumber"]),
        ("an e-mail address", ["email", "emails", "emailaddress", "mail"]),
        ("a vehicle identifier", ["plate", "plates", "numberplate", "licenseplate", "licenceplate", "vin"]),
        ("a phone or SIM identifier", ["imei", "imsi", "iccid", "meid"]),
        ("a MAC address", ["mac", "macaddress", "bssid"]),
        ("a device identifier", ["device", "devices", "deviceid", "udid", "idfa", "gaid"]),
        ("an IP address", ["ip", "ipv4", "ipv6", "ipaddress"]),
        ("an identity document number", ["passport", "ssn", "nationalid", "idnumber", "taxid"]),
        ("a date of birth", ["dob", "birthdate", "birthday", "dateofbirth"]),
        ("a biometric feature", ["embedding", "embeddings", "featurevector", "biometric", "biometrics", "fingerprint", "iris"]),
        ("a per-person track", ["track", "tracks", "trackid", "tracklet", "trajectory", "trajectories"]),
        ("a user or customer identifier", ["user", "users", "userid", "customer", "customers", "customerid", "account", "accountid", "subscriber", "member", "memberid"]));

    /// <summary>Words that, next to a term, make the field an aggregate (<c>device_count</c>, <c>number_of_people</c>).</summary>
    private static readonly HashSet<string> AggregateAfter = ["count", "counts", "total", "totals", "sum"];

    private static readonly HashSet<string> AggregateBefore = ["n", "num", "count", "total", "of"];

    /// <summary>Words that make <c>name</c> the name of a place rather than of a person (<c>sensor_name</c>).</summary>
    private static readonly HashSet<string> PlaceBefore = ["sensor", "site", "station", "location", "place", "street", "zone", "area", "road", "venue"];

    /// <summary>What <paramref name="term"/> would identify, when it is an identifier term.</summary>
    public static bool TryDescribe(string term, out string description) => Terms.TryGetValue(term, out description!);

    /// <summary>Finds a term among the words, or among pairs of adjacent words joined (<c>e mail</c>, <c>id number</c>).</summary>
    public static bool TryMatch(List<string> words, out string description)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (TryDescribe(words[i], out description) && !IsExempt(words, i))
            {
                return true;
            }

            if (i + 1 < words.Count && TryDescribe(words[i] + words[i + 1], out description))
            {
                return true;
            }
        }

        description = string.Empty;
        return false;
    }

    private static bool IsExempt(List<string> words, int i)
    {
        var before = i > 0 ? words[i - 1] : null;
        var after = i + 1 < words.Count ? words[i + 1] : null;
        if ((after is not null && AggregateAfter.Contains(after)) || (before is not null && AggregateBefore.Contains(before)))
        {
            return true;
        }

        return words[i] == "name" && before is not null && PlaceBefore.Contains(before);
    }

    private static Dictionary<string, string> Build(params (string Description, string[] Words)[] groups)
    {
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (description, words) in groups)
        {
            foreach (var word in words)
            {
                terms.Add(word, description);
            }
        }

        return terms;
    }
}
