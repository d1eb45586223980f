namespace Surgewatch.Notifications.Webhook;

/// <summary>Where and how the webhook channel posts.</summary>
/// <param name="Url">The receiver's URL (http or https).</param>
/// <param name="Secret">The shared secret the body is signed with (HMAC-SHA256); at least 16 characters.</param>
public sealed record WebhookOptions(Uri Url, string Secret)
{
    /// <summary>The header carrying <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body"&gt;</c>.</summary>
    public const string SignatureHeader = "X-Surgewatch-Signature";

    /// <summary>Attempts in all, the first included (default 5).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait before the first retry; doubles each retry (default 1 s).</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts (default 60 s).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one attempt may take (default 10 s).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Checks the options and returns them.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public WebhookOptions Validated()
    {
        if (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"Webhook URL '{Url}' must be an absolute http or https URL.", nameof(Url));
        }

        if (string.IsNullOrEmpty(Secret) || Secret.Length < 16)
        {
            throw new ArgumentException("The webhook secret must have at least 16 characters.", nameof(Secret));
        }

        if (MaxAttempts < 1 || InitialBackoff < TimeSpan.Zero || MaxBackoff < InitialBackoff || AttemptTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("Webhook retries need MaxAttempts ≥ 1, 0 ≤ InitialBackoff ≤ MaxBackoff and a positive AttemptTimeout.", nameof(MaxAttempts));
        }

        return this;
    }
}
